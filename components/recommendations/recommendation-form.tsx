"use client";

import { useEffect } from "react";
import { useMutation } from "@tanstack/react-query";
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
import { RECOMMENDATION_TEXT_MAX, REFERENCE_MAX, recommendationMessages } from "@/server/schemas/limits";
import { SubmitButton } from "@/components/ui/submit-button";

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
  };
}

const CONFLICT: ConflictWording = {
  what: "Not saved: this recommendation was changed",
  after: " after you opened it.",
  detail: "What you typed is still in the form. Reload to see the latest version (your changes here will be replaced).",
};

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
  const editing = recommendation !== undefined;
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
        },
    ids,
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
    };
    await form.submit(
      async () => {
        if (recommendation) {
          const saved = await update.mutateAsync({ id: recommendation.id, expectedVersion: recommendation.version, ...fields });
          toast.success(`${saved.reference} saved.`);
          onSaved?.(saved);
        } else {
          const created = await create.mutateAsync({ sourceId: values.sourceId, ...fields });
          toast.success(`Draft ${created.reference} created. Publish it when it is ready.`);
          onCreated?.(created);
        }
      },
      (outcome, message) => toast.error(outcome === "conflict" ? "Not saved: someone else changed this recommendation." : message),
    );
  }

  const sourceTitle = recommendation ? formatSourceOption(recommendation.source) : null;
  const addresseeError = errors.addresseeStateIds;
  const themeError = errors.themeKeys;

  return (
    <form className="stack rec-form" noValidate onSubmit={onSubmit} aria-label={editing ? "Edit recommendation" : "New recommendation"}>
      <FormAlerts form={form} conflict={CONFLICT} onReload={onReload} />

      {editing ? (
        <div className="field">
          <span className="rec-field-label">Source</span>
          <p className="rec-field-static">{sourceTitle}</p>
        </div>
      ) : (
        <SelectField label="Source" hint="The conference, action plan or monitoring cycle it comes from." {...field("sourceId")}>
          <option value="">Choose a source…</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {formatSourceOption(source)}
            </option>
          ))}
        </SelectField>
      )}

      <InputField
        label="Reference"
        hint="Unique within the source, for example AAT17-09."
        type="text"
        autoComplete="off"
        maxLength={REFERENCE_MAX}
        {...field("reference")}
      />

      <TextAreaField
        label="Recommendation text"
        hint={
          <>
            {textLength.toLocaleString("en")} / {RECOMMENDATION_TEXT_MAX.toLocaleString("en")} characters
            {textLength > RECOMMENDATION_TEXT_MAX ? ` (${(textLength - RECOMMENDATION_TEXT_MAX).toLocaleString("en")} too many)` : ""}
          </>
        }
        rows={8}
        {...field("text")}
      />

      <fieldset id="rec-themes" className={themeError ? "field-invalid" : undefined} aria-describedby={themeError ? "rec-themes-error" : undefined}>
        <legend>Themes</legend>
        {themes.length === 0 ? <p className="muted">No themes are defined yet; an administrator can add them.</p> : null}
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
                  <span>{theme.label}</span>
                </label>
              </li>
            );
          })}
        </ul>
        <FieldError id="rec-themes-error" message={themeError} />
      </fieldset>

      <fieldset className={`rec-addressees${addresseeError ? " field-invalid" : ""}`}>
        <legend>Addressed States</legend>
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
            label: `All participating States (${states.filter((state) => state.kind === "PARTICIPATING").length})`,
            invalid: Boolean(addresseeError),
          }}
        />
      </fieldset>

      <div className="rec-form-row">
        <InputField label="Due date (optional)" hint="Each State's commitment is due then." type="date" {...field("dueDate")} />
        <SelectField label="Status scale" hint="The statuses States report against." {...field("scaleId")}>
          {scales.length === 0 ? <option value="">No status scale defined</option> : null}
          {scales.map((scale) => (
            <option key={scale.id} value={scale.id}>
              {scale.name}
              {scale.isDefault && !/\bdefault\b/i.test(scale.name) ? " (default)" : ""}
            </option>
          ))}
        </SelectField>
      </div>

      <div className="actions">
        <SubmitButton busy={pending} busyLabel="Saving…">
          {editing ? "Save changes" : "Create draft"}
        </SubmitButton>
        {editing && dirty ? <span className="muted">You have unsaved changes.</span> : null}
      </div>
    </form>
  );
}
