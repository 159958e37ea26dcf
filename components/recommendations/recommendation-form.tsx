"use client";

import { useEffect, useState } from "react";
import { Controller, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { useTRPC } from "@/components/trpc-provider";
import { conflictOf, errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { DateTime } from "@/components/ui/dates";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { Field, describedBy } from "@/components/ui/field";
import {
  formatSourceOption,
  type RecommendationDetail,
  type ScaleOption,
  type SourceOption,
  type StateOption,
  type ThemeOption,
} from "@/components/recommendations/recommendation-display";
import { FocusedAlert } from "@/components/recommendations/focused-alert";
import { StatePicker } from "@/components/recommendations/state-picker";
import { zDateOnly } from "@/server/schemas/common";
import { RECOMMENDATION_TEXT_MAX, ZCreateRecommendationInput } from "@/server/schemas/recommendations";

const shape = ZCreateRecommendationInput.shape;

// The API's own field rules; selects and the date input hold "" until something is chosen.
const ZRecommendationForm = z
  .strictObject({
    sourceId: z.string().min(1, "Choose a source").pipe(shape.sourceId),
    reference: shape.reference,
    text: shape.text,
    themeKeys: shape.themeKeys.unwrap(),
    addressAllParticipating: shape.addressAllParticipating,
    addresseeStateIds: shape.addresseeStateIds.unwrap(),
    dueDate: z.union([z.literal(""), zDateOnly]),
    scaleId: z.string().min(1, "Choose a status scale").pipe(shape.scaleId.unwrap()),
  })
  .refine((values) => values.addressAllParticipating || values.addresseeStateIds.length > 0, {
    message: "Address the recommendation to all participating States or choose at least one State",
    path: ["addresseeStateIds"],
  });
type TRecommendationForm = z.input<typeof ZRecommendationForm>;
type TFormField = keyof TRecommendationForm;

const FIELD_ORDER: TFormField[] = ["sourceId", "reference", "text", "themeKeys", "addresseeStateIds", "dueDate", "scaleId"];

export type Conflict = { changedBy: string | null; changedAt: string };

function toDateInput(value: Date | string | null) {
  if (!value) return "";
  return (typeof value === "string" ? new Date(value) : value).toISOString().slice(0, 10);
}

function valuesOf(recommendation: RecommendationDetail): TRecommendationForm {
  return {
    sourceId: recommendation.source.id,
    reference: recommendation.reference,
    text: recommendation.text,
    themeKeys: recommendation.themes.map((theme) => theme.key),
    addressAllParticipating: recommendation.addressAllParticipating,
    addresseeStateIds: recommendation.addressees.map((addressee) => addressee.state.id),
    dueDate: toDateInput(recommendation.dueDate),
    scaleId: recommendation.scale.id,
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
  const editing = recommendation !== undefined;
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const defaultScale = scales.find((scale) => scale.isDefault) ?? scales[0];
  const form = useForm<TRecommendationForm>({
    resolver: zodResolver(ZRecommendationForm),
    defaultValues: recommendation
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
  });
  const { register, handleSubmit, formState, setError, control, setValue } = form;
  const create = useMutation(trpc.recommendations.create.mutationOptions());
  const update = useMutation(trpc.recommendations.update.mutationOptions());
  const pending = create.isPending || update.isPending;
  const textLength = useWatch({ control, name: "text" })?.length ?? 0;
  const { isDirty } = formState;

  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);
  useEffect(() => {
    if (chosenSourceId && sources.some((source) => source.id === chosenSourceId)) {
      setValue("sourceId", chosenSourceId, { shouldDirty: true, shouldValidate: formState.isSubmitted });
    }
  }, [chosenSourceId, sources, setValue, formState.isSubmitted]);

  async function save(values: TRecommendationForm) {
    setConflict(null);
    setServerError(null);
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
    try {
      if (recommendation) {
        const saved = await update.mutateAsync({ id: recommendation.id, expectedVersion: recommendation.version, ...fields });
        toast.success(`${saved.reference} saved.`);
        onSaved?.(saved);
      } else {
        const created = await create.mutateAsync({ sourceId: values.sourceId, ...fields });
        toast.success(`Draft ${created.reference} created. Publish it when it is ready.`);
        onCreated?.(created);
      }
    } catch (error) {
      const stale = conflictOf(error);
      if (stale) {
        setConflict(stale);
        toast.error("Not saved: someone else changed this recommendation.");
        return;
      }
      const byField = Object.entries(fieldErrors(error)).filter(([field]) => FIELD_ORDER.includes(field as TFormField));
      for (const [field, message] of byField) setError(field as TFormField, { type: "server", message });
      const message = byField.length > 0 ? "Some fields need attention." : errorMessage(error);
      if (byField.length === 0) setServerError(message);
      toast.error(message);
    }
  }

  async function reload() {
    if (!onReload) return;
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
    }
  }

  const errors = formState.errors;
  const firstThemeId = themes[0] ? `rec-theme-${themes[0].key}` : "rec-themes";
  const summaryTarget: Record<TFormField, string> = {
    sourceId: "rec-source",
    reference: "rec-reference",
    text: "rec-text",
    themeKeys: firstThemeId,
    addressAllParticipating: "rec-all-participating",
    addresseeStateIds: "rec-all-participating",
    dueDate: "rec-due",
    scaleId: "rec-scale",
  };
  const summary: SummaryError[] = FIELD_ORDER.flatMap((field) => {
    const message = messageOf(errors, field);
    return message ? [{ fieldId: summaryTarget[field], message }] : [];
  });
  const sourceTitle = recommendation ? formatSourceOption(recommendation.source) : null;
  const addresseeError = messageOf(errors, "addresseeStateIds");
  const themeError = messageOf(errors, "themeKeys");

  return (
    <form className="stack rec-form" noValidate onSubmit={handleSubmit(save)} aria-label={editing ? "Edit recommendation" : "New recommendation"}>
      {conflict ? (
        <FocusedAlert className="alert alert-warning">
          <p className="alert-title">
            Not saved: this recommendation was changed by {conflict.changedBy ?? "someone else"} at <DateTime value={conflict.changedAt} />{" "}
            after you opened it.
          </p>
          <p>What you typed is still in the form. Reload to see the latest version (your changes here will be replaced).</p>
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void reload()} disabled={reloading}>
              {reloading ? "Reloading…" : "Reload"}
            </button>
          </div>
        </FocusedAlert>
      ) : null}
      <ErrorSummary errors={summary} />
      {serverError ? (
        <FocusedAlert className="alert alert-error">
          {serverError}
        </FocusedAlert>
      ) : null}

      {editing ? (
        <div className="field">
          <span className="rec-field-label">Source</span>
          <p className="rec-field-static">{sourceTitle}</p>
        </div>
      ) : (
        <Field id="rec-source" label="Source" error={errors.sourceId?.message} hint="The conference, action plan or monitoring cycle it comes from.">
          <select
            id="rec-source"
            aria-invalid={errors.sourceId ? true : undefined}
            aria-describedby={describedBy("rec-source", { hint: true, error: errors.sourceId?.message })}
            {...register("sourceId")}
          >
            <option value="">Choose a source…</option>
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {formatSourceOption(source)}
              </option>
            ))}
          </select>
        </Field>
      )}

      <Field id="rec-reference" label="Reference" hint="Unique within the source, for example AAT17-09." error={errors.reference?.message}>
        <input
          id="rec-reference"
          type="text"
          autoComplete="off"
          maxLength={50}
          aria-invalid={errors.reference ? true : undefined}
          aria-describedby={describedBy("rec-reference", { hint: true, error: errors.reference?.message })}
          {...register("reference")}
        />
      </Field>

      <Field
        id="rec-text"
        label="Recommendation text"
        hint={
          <>
            {textLength.toLocaleString("en")} / {RECOMMENDATION_TEXT_MAX.toLocaleString("en")} characters
            {textLength > RECOMMENDATION_TEXT_MAX ? ` (${(textLength - RECOMMENDATION_TEXT_MAX).toLocaleString("en")} too many)` : ""}
          </>
        }
        error={errors.text?.message}
      >
        <textarea
          id="rec-text"
          rows={8}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={describedBy("rec-text", { hint: true, error: errors.text?.message })}
          {...register("text")}
        />
      </Field>

      <Controller
        control={control}
        name="themeKeys"
        render={({ field }) => (
          <fieldset id="rec-themes" className={themeError ? "field-invalid" : undefined} aria-describedby={themeError ? "rec-themes-error" : undefined}>
            <legend>Themes</legend>
            {themes.length === 0 ? <p className="muted">No themes are defined yet; an administrator can add them.</p> : null}
            <ul className="rec-theme-grid">
              {themes.map((theme) => {
                const checked = (field.value ?? []).includes(theme.key);
                return (
                  <li key={theme.key}>
                    <label className="checkbox" htmlFor={`rec-theme-${theme.key}`}>
                      <input
                        id={`rec-theme-${theme.key}`}
                        type="checkbox"
                        checked={checked}
                        onBlur={field.onBlur}
                        onChange={(event) => {
                          const rest = (field.value ?? []).filter((key) => key !== theme.key);
                          field.onChange(event.target.checked ? [...rest, theme.key] : rest);
                        }}
                      />
                      <span>{theme.label}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {themeError ? (
              <p id="rec-themes-error" className="field-error">
                <span aria-hidden="true">⚠ </span>
                {themeError}
              </p>
            ) : null}
          </fieldset>
        )}
      />

      <fieldset className={`rec-addressees${addresseeError ? " field-invalid" : ""}`}>
        <legend>Addressed States</legend>
        {addresseeError ? (
          <p id="rec-addressees-error" className="field-error">
            <span aria-hidden="true">⚠ </span>
            {addresseeError}
          </p>
        ) : null}
        <Controller
          control={control}
          name="addressAllParticipating"
          render={({ field: all }) => (
            <Controller
              control={control}
              name="addresseeStateIds"
              render={({ field: chosen }) => (
                <StatePicker
                  idPrefix="rec"
                  states={states}
                  value={chosen.value ?? []}
                  onChange={chosen.onChange}
                  describedById={addresseeError ? "rec-addressees-error" : undefined}
                  allParticipating={{
                    checked: all.value,
                    onChange: all.onChange,
                    label: `All participating States (${states.filter((state) => state.kind === "PARTICIPATING").length})`,
                    invalid: Boolean(addresseeError),
                  }}
                />
              )}
            />
          )}
        />
      </fieldset>

      <div className="rec-form-row">
        <Field id="rec-due" label="Due date (optional)" hint="Each State's commitment is due then." error={errors.dueDate?.message}>
          <input
            id="rec-due"
            type="date"
            aria-invalid={errors.dueDate ? true : undefined}
            aria-describedby={describedBy("rec-due", { hint: true, error: errors.dueDate?.message })}
            {...register("dueDate")}
          />
        </Field>
        <Field id="rec-scale" label="Status scale" hint="The statuses States report against." error={errors.scaleId?.message}>
          <select
            id="rec-scale"
            aria-invalid={errors.scaleId ? true : undefined}
            aria-describedby={describedBy("rec-scale", { hint: true, error: errors.scaleId?.message })}
            {...register("scaleId")}
          >
            {scales.length === 0 ? <option value="">No status scale defined</option> : null}
            {scales.map((scale) => (
              <option key={scale.id} value={scale.id}>
                {scale.name}
                {scale.isDefault && !/\bdefault\b/i.test(scale.name) ? " (default)" : ""}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save changes" : "Create draft"}
        </button>
        {editing && isDirty ? <span className="muted">You have unsaved changes.</span> : null}
      </div>
    </form>
  );
}

function messageOf(errors: FieldErrors<TRecommendationForm>, field: TFormField): string | undefined {
  const error = errors[field];
  if (!error) return undefined;
  if (typeof error.message === "string" && error.message) return error.message;
  // Array fields may carry their messages per item or on `root`.
  const nested = error as { root?: { message?: string } } & Record<number, { message?: string } | undefined>;
  if (nested.root?.message) return nested.root.message;
  for (const item of Object.values(nested)) {
    if (item && typeof item === "object" && "message" in item && typeof item.message === "string") return item.message;
  }
  return undefined;
}
