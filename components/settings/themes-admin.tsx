"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
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
import { THEME_LABEL_MAX } from "@/server/schemas/limits";
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

/**
 * The panel of an action on one theme (rename, merge): its heading takes the focus when it opens, so
 * keyboard and screen-reader users land in it; a stale change offers to reload the themes; Cancel
 * (or a change done) closes it. `send` makes the change and says what was done.
 */
function ThemePanel({
  id,
  title,
  form,
  send,
  pending,
  submit,
  onDone,
  children,
}: {
  id: string;
  title: string;
  form: ReturnType<typeof useCheckedForm<Record<string, string>>>;
  send: () => Promise<string>;
  pending: boolean;
  submit: ReactNode;
  onDone: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("settings.themes");
  const refresh = useThemesRefresh();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const conflict: ConflictWording = { what: t("conflictWhat"), detail: t("conflictDetail") };

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    let done = "";
    const sent = await form.submit(async () => {
      done = await send();
    });
    if (sent !== "sent") return;
    toast.success(done);
    await refresh();
    onDone();
  }

  async function reload() {
    // The fresh list brings the themes' new versions and names; the panel opens again on them.
    await refresh();
    onDone();
  }

  return (
    <section className="card theme-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} conflict={conflict} onReload={reload} />
        {children}
        <div className="actions">
          {submit}
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}

function RenameThemePanel({ theme, onDone }: { theme: Theme; onDone: () => void }) {
  const trpc = useTRPC();
  const t = useTranslations("settings.themes");
  const labels = useReferenceLabels();
  const input = (values: Record<string, string>) => ({ id: theme.id, expectedVersion: theme.version, label: values.label ?? "" });
  const form = useCheckedForm<Record<string, string>>({
    initial: { label: theme.label },
    ids: { label: "rename-theme-label" },
    schema: () => schemas().then((module) => module.ZRenameThemeInput),
    input,
  });
  const rename = useMutation(trpc.themes.rename.mutationOptions());

  async function send() {
    const renamed = await rename.mutateAsync(input(form.values));
    return t("renamed", { label: renamed.label });
  }

  return (
    <ThemePanel
      id="rename-theme"
      title={t("renameTitle", { label: labels.theme(theme) })}
      form={form}
      send={send}
      pending={rename.isPending}
      onDone={onDone}
      submit={
        <SubmitButton busy={rename.isPending} busyLabel={t("saving")}>
          {t("saveName")}
        </SubmitButton>
      }
    >
      <InputField label={t("label")} type="text" autoComplete="off" maxLength={THEME_LABEL_MAX} hint={t("renameHint")} {...form.field("label")} />
    </ThemePanel>
  );
}

function MergeThemePanel({ theme, themes, onDone }: { theme: Theme; themes: Theme[]; onDone: () => void }) {
  const trpc = useTRPC();
  const t = useTranslations("settings.themes");
  const labels = useReferenceLabels();
  const others = themes.filter((other) => other.id !== theme.id);
  const input = (values: Record<string, string>) => {
    const into = others.find((other) => other.id === values.intoId);
    return { id: theme.id, expectedVersion: theme.version, intoId: values.intoId ?? "", intoExpectedVersion: into?.version ?? 1 };
  };
  const form = useCheckedForm<Record<string, string>>({
    initial: { intoId: "" },
    ids: { intoId: "merge-theme-into" },
    schema: () => schemas().then((module) => module.ZMergeThemeInput),
    input,
    refine: (values) => ({ intoId: values.intoId ? undefined : validationMessage("themes.chooseTarget") }),
  });
  const merge = useMutation(trpc.themes.merge.mutationOptions());
  const label = labels.theme(theme);

  async function send() {
    const into = others.find((other) => other.id === form.values.intoId);
    const { moved } = await merge.mutateAsync(input(form.values));
    return t("merged", { from: label, into: into ? labels.theme(into) : "", count: moved });
  }

  return (
    <ThemePanel
      id="merge-theme"
      title={t("mergeTitle", { label })}
      form={form}
      send={send}
      pending={merge.isPending}
      onDone={onDone}
      submit={
        <SubmitButton busy={merge.isPending} busyLabel={t("merging")} className="button button-danger">
          {t("mergeSubmit")}
        </SubmitButton>
      }
    >
      <SelectField label={t("mergeInto")} {...form.field("intoId")}>
        <option value="">{t("chooseTheme")}</option>
        {others.map((other) => (
          <option key={other.id} value={other.id}>
            {labels.theme(other)}
          </option>
        ))}
      </SelectField>
      <p>{t("mergeEffect", { count: theme.recommendations, label })}</p>
    </ThemePanel>
  );
}
