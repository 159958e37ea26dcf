"use client";

import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/trpc-provider";
import { InputField, SelectField } from "@/components/ui/field";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CountLine, DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { THEME_LABEL_MAX } from "@/server/schemas/themes";
import { validationMessage } from "@/server/shared/message-keys";

type Theme = inferRouterOutputs<AppRouter>["themes"]["list"][number];
type Action = { kind: "rename" | "merge"; themeId: string };

const schemas = () => import("@/server/schemas/themes");

/** The themes with how many recommendations each has; create, rename, and merge one into another. */
export function ThemesAdmin({ initialThemes }: { initialThemes: Theme[] }) {
  const trpc = useTRPC();
  const t = useTranslations("settings.themes");
  const labels = useReferenceLabels();
  const list = useQuery(trpc.themes.list.queryOptions(undefined, { initialData: initialThemes }));
  const themes = list.data ?? initialThemes;
  const [action, setAction] = useState<Action | null>(null);
  const selected = action ? themes.find((theme) => theme.id === action.themeId) : undefined;

  function close() {
    const opener = action ? `theme-${action.kind}-${action.themeId}` : null;
    setAction(null);
    // Back to the button the panel was opened from (gone after a merge: then the table).
    requestAnimationFrame(() => (document.getElementById(opener ?? "") ?? document.getElementById("themes-table"))?.focus());
  }

  return (
    <section className="stack">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <NewThemeForm />
      {action && selected ? (
        action.kind === "rename" ? (
          <RenameThemePanel key={`rename-${selected.id}`} theme={selected} onDone={close} />
        ) : (
          <MergeThemePanel key={`merge-${selected.id}`} theme={selected} themes={themes} onDone={close} />
        )
      ) : null}
      <CountLine className="muted">{t("count", { count: themes.length })}</CountLine>
      <div id="themes-table" tabIndex={-1}>
        <DataTable
          caption={t("tableCaption")}
          rows={themes}
          rowKey={(theme) => theme.id}
          empty={<EmptyState title={t("empty")} />}
          columns={[
            { key: "label", header: t("theme"), rowHeader: true, cell: (theme) => labels.theme(theme) },
            { key: "key", header: t("key"), cell: (theme) => <code>{theme.key}</code> },
            { key: "recommendations", header: t("recommendations"), className: "report-num", cell: (theme) => theme.recommendations },
            {
              key: "actions",
              header: t("actions"),
              cell: (theme) => (
                <div className="actions">
                  <button
                    id={`theme-rename-${theme.id}`}
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t("renameNamed", { label: labels.theme(theme) })}
                    onClick={() => setAction({ kind: "rename", themeId: theme.id })}
                  >
                    {t("rename")}
                  </button>
                  <button
                    id={`theme-merge-${theme.id}`}
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={t("mergeNamed", { label: labels.theme(theme) })}
                    disabled={themes.length < 2}
                    onClick={() => setAction({ kind: "merge", themeId: theme.id })}
                  >
                    {t("merge")}
                  </button>
                </div>
              ),
            },
          ]}
        />
      </div>
    </section>
  );
}

/** Refreshes the themes everywhere they are read (this list and the recommendations' forms and filters). */
function useThemesRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.themes.list.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.recommendations.themes.pathKey() });
  };
}

function NewThemeForm() {
  const trpc = useTRPC();
  const t = useTranslations("settings.themes");
  const refresh = useThemesRefresh();
  const form = useCheckedForm({
    initial: { label: "" },
    ids: { label: "new-theme-label" },
    schema: () => schemas().then((module) => module.ZCreateThemeByLabelInput),
    input: (values) => values,
  });
  const create = useMutation(trpc.themes.create.mutationOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const sent = await form.submit(() => create.mutateAsync(form.values));
    if (sent !== "sent") return;
    toast.success(t("created", { label: form.values.label.trim() }));
    form.reset({ label: "" });
    await refresh();
  }

  return (
    <section className="card theme-panel" aria-labelledby="new-theme-title">
      <h2 id="new-theme-title">{t("newTitle")}</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} />
        <InputField label={t("label")} type="text" autoComplete="off" maxLength={THEME_LABEL_MAX} {...form.field("label")} />
        <div className="actions">
          <SubmitButton busy={create.isPending} busyLabel={t("creating")}>
            {t("create")}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

/** A panel's heading takes the focus when the panel opens, so keyboard and screen-reader users land in it. */
function usePanelHeading() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return heading;
}

function useConflictWording(): ConflictWording {
  const t = useTranslations("settings.themes");
  return { what: t("conflictWhat"), detail: t("conflictDetail") };
}

function RenameThemePanel({ theme, onDone }: { theme: Theme; onDone: () => void }) {
  const trpc = useTRPC();
  const t = useTranslations("settings.themes");
  const labels = useReferenceLabels();
  const refresh = useThemesRefresh();
  const heading = usePanelHeading();
  const conflict = useConflictWording();
  const form = useCheckedForm({
    initial: { label: theme.label },
    ids: { label: "rename-theme-label" },
    schema: () => schemas().then((module) => module.ZRenameThemeInput),
    input: (values) => ({ id: theme.id, expectedVersion: theme.version, label: values.label }),
  });
  const rename = useMutation(trpc.themes.rename.mutationOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rename.isPending) return;
    const sent = await form.submit(() => rename.mutateAsync({ id: theme.id, expectedVersion: theme.version, label: form.values.label }));
    if (sent !== "sent") return;
    toast.success(t("renamed", { label: form.values.label.trim() }));
    await refresh();
    onDone();
  }

  async function reload() {
    // The fresh list brings the theme's new version and name; the panel opens again on them.
    await refresh();
    onDone();
  }

  return (
    <section className="card theme-panel" aria-labelledby="rename-theme-title">
      <h2 id="rename-theme-title" ref={heading} tabIndex={-1}>
        {t("renameTitle", { label: labels.theme(theme) })}
      </h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} conflict={conflict} onReload={reload} />
        <InputField label={t("label")} type="text" autoComplete="off" maxLength={THEME_LABEL_MAX} hint={t("renameHint")} {...form.field("label")} />
        <div className="actions">
          <SubmitButton busy={rename.isPending} busyLabel={t("saving")}>
            {t("saveName")}
          </SubmitButton>
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}

function MergeThemePanel({ theme, themes, onDone }: { theme: Theme; themes: Theme[]; onDone: () => void }) {
  const trpc = useTRPC();
  const t = useTranslations("settings.themes");
  const labels = useReferenceLabels();
  const refresh = useThemesRefresh();
  const heading = usePanelHeading();
  const conflict = useConflictWording();
  const others = themes.filter((other) => other.id !== theme.id);
  const input = (values: { intoId: string }) => {
    const into = others.find((other) => other.id === values.intoId);
    return { id: theme.id, expectedVersion: theme.version, intoId: values.intoId, intoExpectedVersion: into?.version ?? 1 };
  };
  const form = useCheckedForm({
    initial: { intoId: "" },
    ids: { intoId: "merge-theme-into" },
    schema: () => schemas().then((module) => module.ZMergeThemeInput),
    input,
    refine: (values) => ({ intoId: values.intoId ? undefined : validationMessage("themes.chooseTarget") }),
  });
  const merge = useMutation(trpc.themes.merge.mutationOptions());
  const label = labels.theme(theme);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (merge.isPending) return;
    let moved = 0;
    const sent = await form.submit(async () => {
      moved = (await merge.mutateAsync(input(form.values))).moved;
    });
    if (sent !== "sent") return;
    const into = others.find((other) => other.id === form.values.intoId);
    toast.success(t("merged", { from: label, into: into ? labels.theme(into) : "", count: moved }));
    await refresh();
    onDone();
  }

  async function reload() {
    await refresh();
    onDone();
  }

  return (
    <section className="card theme-panel" aria-labelledby="merge-theme-title">
      <h2 id="merge-theme-title" ref={heading} tabIndex={-1}>
        {t("mergeTitle", { label })}
      </h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} conflict={conflict} onReload={reload} />
        <SelectField label={t("mergeInto")} {...form.field("intoId")}>
          <option value="">{t("chooseTheme")}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {labels.theme(other)}
            </option>
          ))}
        </SelectField>
        <p>{t("mergeEffect", { count: theme.recommendations, label })}</p>
        <div className="actions">
          <SubmitButton busy={merge.isPending} busyLabel={t("merging")} className="button button-danger">
            {t("mergeSubmit")}
          </SubmitButton>
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
