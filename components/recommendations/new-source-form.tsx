"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { FormAlerts } from "@/components/ui/form-alerts";
import { InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { useSourceKindLabel } from "@/components/recommendations/recommendation-display";
import { Disclosure } from "@/components/ui/disclosure-button";
import { LOCALES, LOCALE_NAMES, DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { SOURCE_DESCRIPTION_MAX, SOURCE_KINDS, SOURCE_LOCATION_MAX, SOURCE_TITLE_MAX, type TSourceKind } from "@/server/schemas/limits";
import { FormActions } from "@/components/ui/submit-button";

// The form holds plain strings; empty optional fields are sent as null (the service stores null).
type TSourceTranslation = { locale: Locale; title: string; description: string };
type TSourceForm = { title: string; kind: string; date: string; location: string; link: string; description: string; translations: TSourceTranslation[] };

/** A source as the edit form reads it (`sources.get`): the originals, every translation and the version. */
export type EditedSource = {
  id: string;
  version: number;
  language: Locale;
  originalTitle: string;
  originalDescription: string | null;
  kind: string;
  date: string;
  location: string | null;
  link: string | null;
  translations: { locale: string; title: string; description?: string | null }[];
};

/** The languages a source can be translated into: all but its own (English for a new one). */
function otherLocales(language: Locale) {
  return LOCALES.filter((locale) => locale !== language);
}

function initialValues(source: EditedSource | undefined): TSourceForm {
  return {
    title: source?.originalTitle ?? "",
    kind: source?.kind ?? "",
    date: source?.date ?? "",
    location: source?.location ?? "",
    link: source?.link ?? "",
    description: source?.originalDescription ?? "",
    translations: otherLocales(source?.language ?? DEFAULT_LOCALE).map((locale) => {
      const saved = source?.translations.find((item) => item.locale === locale);
      return { locale, title: saved?.title ?? "", description: saved?.description ?? "" };
    }),
  };
}

function input(values: TSourceForm) {
  return {
    translations: values.translations
      .filter((item) => item.title.trim() !== "" || item.description.trim() !== "")
      .map((item) => ({ locale: item.locale, title: item.title, description: item.description || null })),
    title: values.title,
    kind: values.kind as TSourceKind,
    date: values.date,
    location: values.location || null,
    link: values.link || null,
    description: values.description || null,
  };
}

export type CreatedSource = { id: string; title: string };

/** A small form for a new source (a conference, an action plan, a monitoring cycle). */
export function NewSourceForm({ idPrefix = "source", onCreated }: { idPrefix?: string; onCreated?: (source: CreatedSource) => void }) {
  return <SourceForm idPrefix={idPrefix} onSaved={onCreated} />;
}

/**
 * A source's form: a new one, or with `source` the edit of an existing one (its version checked:
 * a stale save says who changed it and keeps what was typed).
 */
export function SourceForm({
  idPrefix = "source",
  source,
  onSaved,
  onReload,
}: {
  idPrefix?: string;
  source?: EditedSource;
  onSaved?: (source: CreatedSource) => void;
  onReload?: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const t = useTranslations("sources");
  const kindLabel = useSourceKindLabel();
  const queryClient = useQueryClient();
  const editing = source !== undefined;
  const empty = initialValues(source);
  // A source already translated shows its translations at once.
  const [showTranslations, setShowTranslations] = useState((source?.translations.length ?? 0) > 0);
  const ids = {
    title: `${idPrefix}-title`,
    kind: `${idPrefix}-kind`,
    date: `${idPrefix}-date`,
    location: `${idPrefix}-location`,
    link: `${idPrefix}-link`,
    description: `${idPrefix}-description`,
    translations: `${idPrefix}-translations`,
  };
  const sent = (values: TSourceForm) => (source ? { id: source.id, expectedVersion: source.version, ...input(values) } : input(values));
  const form: ReturnType<typeof useCheckedForm<TSourceForm>> = useCheckedForm({
    initial: empty,
    ids,
    schema: () => import("@/server/schemas/sources").then((module) => (editing ? module.ZUpdateSourceInput : module.ZCreateSourceInput)),
    input: sent,
    // The paths of the sent list (only the filled languages): "translations.0.title".
    idOf: (path) => {
      const [, index, name] = path.split(".");
      const sentTranslation: { locale: Locale } | undefined = input(form.values).translations[Number(index)];
      return sentTranslation ? `${idPrefix}-${name === "description" ? "description" : "title"}-${sentTranslation.locale}` : ids.translations;
    },
  });
  const { values, field, errors } = form;
  const sentTranslations = input(values).translations;
  const translationError = (locale: Locale, name: "title" | "description") => {
    const index = sentTranslations.findIndex((item) => item.locale === locale);
    return index < 0 ? undefined : errors[`translations.${index}.${name}`];
  };
  const setTranslation = (locale: Locale, patch: Partial<TSourceTranslation>) =>
    form.change({ translations: values.translations.map((item) => (item.locale === locale ? { ...item, ...patch } : item)) });
  const create = useMutation(trpc.sources.create.mutationOptions());
  const update = useMutation(trpc.sources.update.mutationOptions());
  const busy = create.isPending || update.isPending;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    let saved: CreatedSource | undefined;
    const outcome = await form.submit(
      async () => {
        saved = source ? await update.mutateAsync({ id: source.id, expectedVersion: source.version, ...input(values) }) : await create.mutateAsync(input(values));
      },
      (refusal, message) => toast.error(refusal === "conflict" ? t("edit.notSavedConflict") : message),
    );
    if (outcome === "sent" && saved) {
      await queryClient.invalidateQueries({ queryKey: trpc.sources.pathKey() });
      toast.success(editing ? t("edit.saved", { title: saved.title }) : t("added", { title: saved.title }));
      if (!editing) {
        form.reset(empty);
        setShowTranslations(false);
      }
      onSaved?.({ id: saved.id, title: saved.title });
    }
  }

  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title-heading`}>
      <h2 id={`${idPrefix}-title-heading`}>{editing ? t("edit.heading") : t("form.heading")}</h2>
      <FormAlerts form={form} conflict={{ what: t("edit.conflictWhat"), after: t("edit.conflictAfter"), detail: t("edit.conflictDetail") }} onReload={onReload} />
      <InputField label={t("form.title")} type="text" maxLength={SOURCE_TITLE_MAX} {...field("title")} />
      <div className="rec-form-row">
        <SelectField label={t("form.kind")} {...field("kind")}>
          <option value="">{t("form.chooseKind")}</option>
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </SelectField>
        <InputField label={t("form.date")} type="date" {...field("date")} />
      </div>
      <InputField label={t("form.location")} type="text" maxLength={SOURCE_LOCATION_MAX} {...field("location")} />
      <InputField label={t("form.link")} hint={t("form.linkHint")} type="url" inputMode="url" maxLength={2000} {...field("link")} />
      <TextAreaField label={t("form.description")} rows={3} maxLength={SOURCE_DESCRIPTION_MAX} {...field("description")} />
      {/* Rendered only when opened: the original's fields stay the only "Title" and "Description". */}
      <Disclosure
        id={`${idPrefix}-translations`}
        open={showTranslations}
        onToggle={() => setShowTranslations((open) => !open)}
        buttonClassName="button button-secondary button-small"
        label={showTranslations ? t("form.hideTranslations") : t("form.showTranslations")}
        className="stack"
      >
        {values.translations.map((item) => (
          <fieldset key={item.locale} className="stack">
            <legend lang={item.locale}>{LOCALE_NAMES[item.locale]}</legend>
            <InputField
              id={`${idPrefix}-title-${item.locale}`}
              label={t("form.titleIn", { language: LOCALE_NAMES[item.locale] })}
              type="text"
              lang={item.locale}
              maxLength={SOURCE_TITLE_MAX}
              value={item.title}
              error={translationError(item.locale, "title")}
              onChange={(event) => setTranslation(item.locale, { title: event.target.value })}
            />
            <TextAreaField
              id={`${idPrefix}-description-${item.locale}`}
              label={t("form.descriptionIn", { language: LOCALE_NAMES[item.locale] })}
              rows={2}
              lang={item.locale}
              maxLength={SOURCE_DESCRIPTION_MAX}
              value={item.description}
              error={translationError(item.locale, "description")}
              onChange={(event) => setTranslation(item.locale, { description: event.target.value })}
            />
          </fieldset>
        ))}
      </Disclosure>
      <FormActions busy={busy} busyLabel={editing ? t("edit.saving") : t("form.adding")} submit={editing ? t("edit.save") : t("form.add")} />
    </form>
  );
}
