"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { FormAlerts } from "@/components/ui/form-alerts";
import { TextAreaField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/submit-button";
import { useCheckedForm, type FormErrors } from "@/components/ui/use-checked-form";
import type { RecommendationDetail } from "@/components/recommendations/recommendation-display";
import { RECOMMENDATION_TEXT_MAX } from "@/server/schemas/limits";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/server/shared/locales";

// The translations of a recommendation's text: one optional textarea per language other than the
// original, in the order of the languages; an empty one is no translation.

export type TranslationValue = { locale: Locale; text: string };

/** Every language but the original, with the saved translation or empty. */
export function translationValues(original: Locale, saved: { locale: string; text: string }[] = []): TranslationValue[] {
  return LOCALES.filter((locale) => locale !== original).map((locale) => ({
    locale,
    text: saved.find((item) => item.locale === locale)?.text ?? "",
  }));
}

/** The id of a translation's textarea (for the error summary's links). */
export function translationFieldId(idPrefix: string, locale: string) {
  return `${idPrefix}-translation-${locale}`;
}

/** The control of an error's path "translations.2.text", or the first textarea. */
export function translationIdOf(idPrefix: string, values: TranslationValue[]) {
  return (path: string) => translationFieldId(idPrefix, values[Number(path.split(".")[1])]?.locale ?? values[0]?.locale ?? "");
}

export function RecommendationTranslationFields({
  idPrefix,
  values,
  errors,
  onChange,
}: {
  idPrefix: string;
  values: TranslationValue[];
  errors: FormErrors;
  onChange: (values: TranslationValue[]) => void;
}) {
  const t = useTranslations("recommendations.translations");
  return (
    <fieldset className="stack rec-translations">
      <legend>{t("legend")}</legend>
      <p className="field-hint">{t("hint")}</p>
      {values.map((item, index) => (
        <TextAreaField
          key={item.locale}
          id={translationFieldId(idPrefix, item.locale)}
          label={t.rich("textIn", { language: LOCALE_NAMES[item.locale], name: (chunks) => <span lang={item.locale}>{chunks}</span> })}
          lang={item.locale}
          rows={4}
          maxLength={RECOMMENDATION_TEXT_MAX}
          value={item.text}
          error={errors[`translations.${index}.text`] ?? (index === 0 ? errors.translations : undefined)}
          onChange={(event) => onChange(values.map((other) => (other.locale === item.locale ? { ...other, text: event.target.value } : other)))}
        />
      ))}
    </fieldset>
  );
}

/**
 * The translations of a published recommendation (its text is final, its translations are not):
 * saved on their own, version-checked; a stale save names who changed it and when.
 */
export function RecommendationTranslationsForm({
  recommendation,
  onSaved,
  onReload,
}: {
  recommendation: RecommendationDetail;
  onSaved: (saved: RecommendationDetail) => void;
  onReload: () => Promise<void>;
}) {
  const t = useTranslations("recommendations");
  const trpc = useTRPC();
  const save = useMutation(trpc.recommendations.saveTranslations.mutationOptions());
  const initial = { translations: translationValues(recommendation.language, recommendation.translations) };
  const idPrefix = "rec-published";
  const input = (values: typeof initial) => ({ id: recommendation.id, expectedVersion: recommendation.version, translations: values.translations });
  const form = useCheckedForm({
    initial,
    ids: { translations: translationFieldId(idPrefix, initial.translations[0]?.locale ?? "") },
    idOf: translationIdOf(idPrefix, initial.translations),
    schema: () => import("@/server/schemas/translations").then((module) => module.ZSaveRecommendationTranslationsInput),
    input,
  });

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    await form.submit(
      async () => {
        const saved = await save.mutateAsync(input(form.values));
        toast.success(t("translations.saved", { reference: saved.reference }));
        onSaved(saved);
      },
      (outcome, message) => toast.error(outcome === "conflict" ? t("notSavedConflict") : message),
    );
  }

  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby="translations-title">
      <h2 id="translations-title">{t("translations.title")}</h2>
      <FormAlerts
        form={form}
        conflict={{ what: t("form.conflict.what"), after: t("conflict.after"), detail: t("conflict.detail") }}
        onReload={onReload}
      />
      <RecommendationTranslationFields
        idPrefix={idPrefix}
        values={form.values.translations}
        errors={form.errors}
        onChange={(translations) => form.change({ translations })}
      />
      <FormActions busy={save.isPending} busyLabel={t("saving")} submit={t("translations.save")} />
    </form>
  );
}
