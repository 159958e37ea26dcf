"use client";

import { useEffect } from "react";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import type { Conflict } from "@/components/ui/api-errors";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { FieldError, InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import {
  formatSourceOption,
  type RecommendationDetail,
  type ScaleOption,
  type SourceOption,
  type StateOption,
  type ThemeOption,
} from "@/components/recommendations/recommendation-display";
import { StatePicker } from "@/components/recommendations/state-picker";
import {
  RecommendationTranslationFields,
  translationIdOf,
  translationValues,
  type TranslationValue,
} from "@/components/recommendations/translation-fields";
import { DEFAULT_LOCALE } from "@/server/shared/locales";
import { RECOMMENDATION_TEXT_MAX, REFERENCE_MAX, recommendationMessages } from "@/server/schemas/limits";
import { FormActions } from "@/components/ui/submit-button";

// Selects and the date input hold "" until something is chosen.
type TRecommendationForm = {
  sourceId: string;
  reference: string;
  text: string;
  themeKeys: string[];
  addressAllParticipating: boolean;
  addresseeStateIds: string[];
  dueDate: string;
  scaleId: string;
  /** Every language but the original; an empty text is no translation. */
  translations: TranslationValue[];
};

/** The API's rules, with plainer messages for a select where nothing is chosen yet. */
function chosen(values: TRecommendationForm) {
  return {
    sourceId: values.sourceId ? undefined : recommendationMessages.chooseSource,
    scaleId: values.scaleId ? undefined : recommendationMessages.chooseScale,
  };
}

export type { Conflict };


function valuesOf(recommendation: RecommendationDetail): TRecommendationForm {
  return {
    sourceId: recommendation.source.id,
    reference: recommendation.reference,
    text: recommendation.originalText,
    themeKeys: recommendation.themes.map((theme) => theme.key),
    addressAllParticipating: recommendation.addressAllParticipating,
    addresseeStateIds: recommendation.addressees.map((addressee) => addressee.state.id),
    dueDate: recommendation.dueDate ?? "",
    scaleId: recommendation.scale.id,
    translations: translationValues(recommendation.language, recommendation.translations),
  };
}

/**
 * Creating a draft recommendation or editing one. Field errors appear beside their fields and in
 * the summary; what was typed stays on every error; a stale save names who changed it and when.
 */
export function RecommendationForm({
  recommendation,
  sources,
  themes,
  scales,
  states,
  initialSourceId,
  chosenSourceId,
  onCreated,
  onSaved,
  onReload,
  onDirtyChange,
}: {
  /** The draft being edited; absent when creating. */
  recommendation?: RecommendationDetail;
  sources: SourceOption[];
  themes: ThemeOption[];
  scales: ScaleOption[];
  states: StateOption[];
  initialSourceId?: string;
  /** A source just added beside the form: chosen for the user, keeping what they typed. */
  chosenSourceId?: string;
  onCreated?: (created: RecommendationDetail) => void;
  onSaved?: (saved: RecommendationDetail) => void;
  onReload?: () => Promise<void>;
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const trpc = useTRPC();
  const t = useTranslations("recommendations");
  const format = useFormatter();
  const labels = useReferenceLabels();
  const conflictWording: ConflictWording = { what: t("form.conflict.what"), after: t("conflict.after"), detail: t("conflict.detail") };
  const editing = recommendation !== undefined;
  // One textarea per language but the original, always in this order: "translations.2.text" is the third.
  const translationOrder = translationValues(recommendation?.language ?? DEFAULT_LOCALE);
  const defaultScale = scales.find((scale) => scale.isDefault) ?? scales[0];
  const firstThemeId = themes[0] ? `rec-theme-${themes[0].key}` : "rec-themes";
  // The controls the error summary links to, in the order of the form.
  const ids: Record<keyof TRecommendationForm, string> = {
    sourceId: "rec-source",
    reference: "rec-reference",
    text: "rec-text",
    themeKeys: firstThemeId,
    addressAllParticipating: "rec-all-participating",
    addresseeStateIds: "rec-all-participating",
    dueDate: "rec-due",
    scaleId: "rec-scale",
    translations: `rec-translation-${translationOrder[0]?.locale ?? "fr"}`,
  };
  const form = useCheckedForm<TRecommendationForm>({
    initial: recommendation
      ? valuesOf(recommendation)
      : {
          sourceId: initialSourceId ?? (sources.length === 1 ? (sources[0]?.id ?? "") : ""),
          reference: "",
          text: "",
          themeKeys: [],
          addressAllParticipating: true,
          addresseeStateIds: [],
          dueDate: "",
          scaleId: defaultScale?.id ?? "",
          translations: translationOrder,
        },
    ids,
    idOf: (path) => (path.startsWith("translations.") ? translationIdOf("rec", translationOrder)(path) : ids[path.split(".")[0] as keyof TRecommendationForm]),
    schema: () => import("@/server/schemas/recommendations").then((module) => module.ZCreateRecommendationInput),
    input: (values) => ({ ...values, dueDate: values.dueDate || null }),
    refine: chosen,
  });
  const { values, errors, dirty, field, change } = form;
  const create = useMutation(trpc.recommendations.create.mutationOptions());
  const update = useMutation(trpc.recommendations.update.mutationOptions());
  const pending = create.isPending || update.isPending;
  const textLength = values.text.length;

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (chosenSourceId && sources.some((source) => source.id === chosenSourceId)) change({ sourceId: chosenSourceId });
    // Only when a source was just added (or the list of sources came back with it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosenSourceId, sources]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const participating = new Set(states.filter((state) => state.kind === "PARTICIPATING").map((state) => state.id));
    // Participating States chosen one by one are already covered by "all participating States".
    const addresseeStateIds = values.addressAllParticipating
      ? values.addresseeStateIds.filter((id) => !participating.has(id))
      : values.addresseeStateIds;
    const fields = {
      reference: values.reference,
      text: values.text,
      themeKeys: values.themeKeys,
      addressAllParticipating: values.addressAllParticipating,
      addresseeStateIds,
      dueDate: values.dueDate || null,
      scaleId: values.scaleId,
      translations: values.translations,
    };
    await form.submit(
      async () => {
        if (recommendation) {
          const saved = await update.mutateAsync({ id: recommendation.id, expectedVersion: recommendation.version, ...fields });
          toast.success(t("form.saved", { reference: saved.reference }));
          onSaved?.(saved);
        } else {
          const created = await create.mutateAsync({ sourceId: values.sourceId, ...fields });
          toast.success(t("form.created", { reference: created.reference }));
          onCreated?.(created);
        }
      },
      (outcome, message) => toast.error(outcome === "conflict" ? t("notSavedConflict") : message),
    );
  }

  const sourceTitle = recommendation ? formatSourceOption(recommendation.source) : null;
  const addresseeError = errors.addresseeStateIds;
  const themeError = errors.themeKeys;

  return (
    <form className="stack rec-form" noValidate onSubmit={onSubmit} aria-label={editing ? t("form.editLabel") : t("form.newLabel")}>
      <FormAlerts form={form} conflict={conflictWording} onReload={onReload} />

      {editing ? (
        <div className="field">
          <span className="rec-field-label">{t("form.source")}</span>
          <p className="rec-field-static">{sourceTitle}</p>
        </div>
      ) : (
        <SelectField label={t("form.source")} hint={t("form.sourceHint")} {...field("sourceId")}>
          <option value="">{t("form.chooseSource")}</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {formatSourceOption(source)}
            </option>
          ))}
        </SelectField>
      )}

      <InputField
        label={t("form.reference")}
        hint={t("form.referenceHint")}
        type="text"
        autoComplete="off"
        maxLength={REFERENCE_MAX}
        {...field("reference")}
      />

      <TextAreaField
        label={t("form.text")}
        hint={
          textLength > RECOMMENDATION_TEXT_MAX
            ? t("form.characterCountOver", { count: format.number(textLength), max: format.number(RECOMMENDATION_TEXT_MAX), over: format.number(textLength - RECOMMENDATION_TEXT_MAX) })
            : t("form.characterCount", { count: format.number(textLength), max: format.number(RECOMMENDATION_TEXT_MAX) })
        }
        rows={8}
        {...field("text")}
      />

      <fieldset id="rec-themes" className={themeError ? "field-invalid" : undefined} aria-describedby={themeError ? "rec-themes-error" : undefined}>
        <legend>{t("form.themes")}</legend>
        {themes.length === 0 ? <p className="muted">{t("form.noThemes")}</p> : null}
        <ul className="rec-theme-grid">
          {themes.map((theme) => {
            const checked = values.themeKeys.includes(theme.key);
            return (
              <li key={theme.key}>
                <label className="checkbox" htmlFor={`rec-theme-${theme.key}`}>
                  <input
                    id={`rec-theme-${theme.key}`}
                    type="checkbox"
                    checked={checked}
                    onChange={(event) => {
                      const rest = values.themeKeys.filter((key) => key !== theme.key);
                      change({ themeKeys: event.target.checked ? [...rest, theme.key] : rest });
                    }}
                  />
                  <span>{labels.theme(theme)}</span>
                </label>
              </li>
            );
          })}
        </ul>
        <FieldError id="rec-themes-error" message={themeError} />
      </fieldset>

      <fieldset className={`rec-addressees${addresseeError ? " field-invalid" : ""}`}>
        <legend>{t("form.addressedStates")}</legend>
        <FieldError id="rec-addressees-error" message={addresseeError} />
        <StatePicker
          idPrefix="rec"
          states={states}
          value={values.addresseeStateIds}
          onChange={(addresseeStateIds) => change({ addresseeStateIds })}
          describedById={addresseeError ? "rec-addressees-error" : undefined}
          allParticipating={{
            checked: values.addressAllParticipating,
            // The addressees' rule depends on this switch: check them again with it.
            onChange: (addressAllParticipating) => change({ addressAllParticipating, addresseeStateIds: values.addresseeStateIds }),
            label: t("form.allParticipating", { count: states.filter((state) => state.kind === "PARTICIPATING").length }),
            invalid: Boolean(addresseeError),
          }}
        />
      </fieldset>

      <div className="rec-form-row">
        <InputField label={t("form.dueDate")} hint={t("form.dueDateHint")} type="date" {...field("dueDate")} />
        <SelectField label={t("form.scale")} hint={t("form.scaleHint")} {...field("scaleId")}>
          {scales.length === 0 ? <option value="">{t("form.noScale")}</option> : null}
          {scales.map((scale) => (
            <option key={scale.id} value={scale.id}>
              {scale.name}
              {scale.isDefault && !/\bdefault\b/i.test(scale.name) ? ` ${t("form.scaleDefault")}` : ""}
            </option>
          ))}
        </SelectField>
      </div>

      <RecommendationTranslationFields
        idPrefix="rec"
        values={values.translations}
        errors={errors}
        onChange={(translations) => change({ translations })}
      />

      <FormActions busy={pending} busyLabel={t("saving")} submit={editing ? t("form.saveChanges") : t("form.createDraft")}>
        {editing && dirty ? <span className="muted">{t("form.unsaved")}</span> : null}
      </FormActions>
    </form>
  );
}
