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
import { DisclosureButton } from "@/components/ui/disclosure-button";
import { LOCALES, LOCALE_NAMES, DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { SOURCE_DESCRIPTION_MAX, SOURCE_KINDS, SOURCE_LOCATION_MAX, SOURCE_TITLE_MAX, type TSourceKind } from "@/server/schemas/limits";
import { FormActions } from "@/components/ui/submit-button";

// The form holds plain strings; empty optional fields are sent as null (the service stores null).
type TSourceTranslation = { locale: Locale; title: string; description: string };
type TSourceForm = { title: string; kind: string; date: string; location: string; link: string; description: string; translations: TSourceTranslation[] };

// Sources are written in English; the other languages can be given beside the original.
const OTHER_LOCALES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);
const EMPTY: TSourceForm = {
  title: "",
  kind: "",
  date: "",
  location: "",
  link: "",
  description: "",
  translations: OTHER_LOCALES.map((locale) => ({ locale, title: "", description: "" })),
};

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
  const trpc = useTRPC();
  const t = useTranslations("sources");
  const kindLabel = useSourceKindLabel();
  const queryClient = useQueryClient();
  const [showTranslations, setShowTranslations] = useState(false);
  const ids = {
    title: `${idPrefix}-title`,
    kind: `${idPrefix}-kind`,
    date: `${idPrefix}-date`,
    location: `${idPrefix}-location`,
    link: `${idPrefix}-link`,
    description: `${idPrefix}-description`,
    translations: `${idPrefix}-translations`,
  };
  const form: ReturnType<typeof useCheckedForm<TSourceForm>> = useCheckedForm({
    initial: EMPTY,
    ids,
    schema: () => import("@/server/schemas/sources").then((module) => module.ZCreateSourceInput),
    input,
    // The paths of the sent list (only the filled languages): "translations.0.title".
    idOf: (path) => {
      const [, index, name] = path.split(".");
      const sent: { locale: Locale } | undefined = input(form.values).translations[Number(index)];
      return sent ? `${idPrefix}-${name === "description" ? "description" : "title"}-${sent.locale}` : ids.translations;
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

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    let source: CreatedSource | undefined;
    const outcome = await form.submit(
      async () => {
        source = await create.mutateAsync(input(values));
      },
      (_outcome, message) => toast.error(message),
    );
    if (outcome === "sent" && source) {
      await queryClient.invalidateQueries({ queryKey: trpc.sources.pathKey() });
      toast.success(t("added", { title: source.title }));
      form.reset(EMPTY);
      setShowTranslations(false);
      onCreated?.({ id: source.id, title: source.title });
    }
  }

  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title-heading`}>
      <h2 id={`${idPrefix}-title-heading`}>{t("form.heading")}</h2>
      <FormAlerts form={form} />
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
      <div>
        <DisclosureButton
          className="button button-secondary button-small"
          open={showTranslations}
          controls={`${idPrefix}-translations`}
          onToggle={() => setShowTranslations((open) => !open)}
        >
          {showTranslations ? t("form.hideTranslations") : t("form.showTranslations")}
        </DisclosureButton>
      </div>
      {/* Rendered only when opened: the original's fields stay the only "Title" and "Description". */}
      <div id={`${idPrefix}-translations`} className="stack" hidden={!showTranslations}>
        {showTranslations
          ? values.translations.map((item) => (
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
            ))
          : null}
      </div>
      <FormActions busy={create.isPending} busyLabel={t("form.adding")} submit={t("form.add")} />
    </form>
  );
}
