"use client";

import { useRef, type ChangeEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { InputField, PERCENT_INPUT, SelectField, TextAreaField } from "@/components/ui/field";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { TUpdateContent } from "@/server/schemas/commitments";
import { MAX_EVIDENCE_LINKS, MAX_NARRATIVE } from "@/server/schemas/limits";
import type { TScaleStatus, TUpdateView } from "@/components/commitments/types";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

/** A symbol for sighted readers beside the words that say the same. */
const WARNING_SIGN = "⚠";

// The form's own state: progress as typed (a number input may be empty), evidence rows with a
// stable key so that removing one keeps the others' inputs.
type EvidenceRow = TUpdateContent["evidence"][number] & { key: number };
type FormValues = { statusId: string; progress: string; narrative: string; reportingPeriod: string; evidence: EvidenceRow[] };

/** The controls the error summary links to, in the order of the form. */
const IDS = {
  statusId: "update-status",
  progress: "update-progress",
  narrative: "update-narrative",
  reportingPeriod: "update-period",
  evidence: "evidence-add",
};

/** An evidence row's path ("evidence.0.url") and its control. */
const rowPath = /^evidence\.(\d+)\.(title|url)$/;
const idOf = (path: string) => path.replace(rowPath, "evidence-$1-$2");
const rowNumber = (path: string) => Number(rowPath.exec(path)?.[1] ?? 0) + 1;
/** What a URL field expects; the same in every language. */
const URL_PLACEHOLDER = "https://";

function contentOf(values: FormValues): TUpdateContent {
  return {
    statusId: values.statusId,
    // An empty or unreadable number is not 0: it is reported as "must be a number".
    progress: values.progress.trim() === "" ? Number.NaN : Number(values.progress),
    narrative: values.narrative,
    reportingPeriod: values.reportingPeriod,
    evidence: values.evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic })),
  };
}

export function contentFrom(update: TUpdateView | null, statuses: TScaleStatus[]): TUpdateContent {
  if (!update) {
    const first = statuses[0];
    return { statusId: first?.id ?? "", progress: first?.defaultProgress ?? 0, narrative: "", reportingPeriod: "", evidence: [] };
  }
  return {
    statusId: update.status.id,
    progress: update.progress,
    narrative: update.narrative,
    reportingPeriod: update.reportingPeriod ?? "",
    evidence: update.evidence.map(({ title, url, isPublic }) => ({ title, url, isPublic })),
  };
}

/**
 * The focal point's update form: save a draft, or submit it for review. Field errors appear next
 * to their fields and in a summary: the form checks the API's own schema (ZUpdateContent) before
 * sending and shows the API's field errors when it refuses. After a first
 * attempt, a field is checked again as it changes. A stale save shows who changed it and keeps
 * what was typed.
 */
export function UpdateForm({
  commitmentId,
  draft,
  initial,
  statuses,
  onSaved,
  onReload,
}: {
  commitmentId: string;
  draft: { id: string; version: number } | null;
  initial: TUpdateContent;
  statuses: TScaleStatus[];
  onSaved: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const t = useTranslations("commitments.form");
  const refs = useReferenceLabels();
  const format = useFormatter();
  const percent = (progress: number) => format.number(progress / 100, "percent");
  const conflict: ConflictWording = { what: t("conflictWhat"), after: t("conflictAfter"), detail: t("conflictDetail"), reloadLabel: t("conflictReload") };
  const trpc = useTRPC();
  const form = useCheckedForm<FormValues>({
    initial: {
      statusId: initial.statusId,
      progress: String(initial.progress),
      narrative: initial.narrative,
      reportingPeriod: initial.reportingPeriod ?? "",
      evidence: initial.evidence.map((link, index) => ({ ...link, key: index })),
    },
    ids: IDS,
    schema: () => import("@/server/schemas/commitments").then((module) => module.ZUpdateContent),
    input: contentOf,
    // The API names these paths "content.narrative", "content.evidence.0.url".
    prefix: "content.",
    idOf,
    summaryText: (path, message) => t("evidenceError", { number: rowNumber(path), message }),
  });
  const { values, errors, field, change } = form;
  const nextRowKey = useRef(initial.evidence.length);
  const saveDraft = useMutation(trpc.commitments.saveDraft.mutationOptions());
  const saveAndSubmit = useMutation(trpc.commitments.saveAndSubmit.mutationOptions());
  const pending = saveDraft.isPending || saveAndSubmit.isPending;

  function changeRow(index: number, name: "title" | "url" | "isPublic", value: string | boolean) {
    change({ evidence: values.evidence.map((row, at) => (at === index ? { ...row, [name]: value } : row)) });
  }

  /** The wiring of an evidence row's text control, like `field` for the top-level fields. */
  function rowField(index: number, name: "title" | "url") {
    return {
      id: idOf(`evidence.${index}.${name}`),
      name: `evidence.${index}.${name}`,
      error: errors[`evidence.${index}.${name}`],
      value: values.evidence[index]![name],
      onChange: (event: ChangeEvent<HTMLInputElement>) => changeRow(index, name, event.target.value),
    };
  }

  function addRow() {
    const key = nextRowKey.current;
    nextRowKey.current += 1;
    change({ evidence: [...values.evidence, { title: "", url: "", isPublic: true, key }] });
  }

  function send(submit: boolean) {
    const content = contentOf(values);
    const input = {
      commitmentId,
      ...(draft ? { updateId: draft.id, expectedVersion: draft.version } : {}),
      content: { ...content, reportingPeriod: content.reportingPeriod || undefined },
    };
    void form.submit(
      async () => {
        await (submit ? saveAndSubmit : saveDraft).mutateAsync(input);
        toast.success(submit ? t("submitted") : t("saved"));
        await onSaved();
      },
      (outcome, message) => {
        if (outcome !== "conflict") toast.error(message);
      },
    );
  }

  return (
    <form id="update-form" className="stack" noValidate onSubmit={(event) => event.preventDefault()} aria-labelledby="update-form-title">
      <h2 id="update-form-title">{draft ? t("titleDraft") : t("titleNew")}</h2>
      <FormAlerts form={form} conflict={conflict} onReload={onReload} />

      <SelectField
        label={t("status")}
        {...field("statusId")}
        onChange={(event) => {
          const statusId = event.target.value;
          const status = statuses.find((candidate) => candidate.id === statusId);
          // The progress follows the status; it can be adjusted afterwards.
          change({ statusId, progress: status ? String(status.defaultProgress) : values.progress });
        }}
      >
        {statuses.map((status) => (
          <option key={status.id} value={status.id}>
            {refs.status(status)} ({percent(status.defaultProgress)})
          </option>
        ))}
      </SelectField>

      <InputField label={t("progress")} hint={t("progressHint")} {...PERCENT_INPUT} {...field("progress")} />

      <TextAreaField
        label={t("narrative")}
        hint={t("narrativeHint", { count: values.narrative.length, max: MAX_NARRATIVE })}
        rows={6}
        {...field("narrative")}
      />

      <InputField label={t("period")} hint={t("periodHint")} type="text" maxLength={100} {...field("reportingPeriod")} />

      <fieldset>
        <legend>{t("evidence")}</legend>
        {values.evidence.length === 0 ? <p className="muted">{t("noEvidence")}</p> : null}
        {values.evidence.map((row, index) => (
          <fieldset key={row.key} className="evidence-row">
            <legend>{t("evidenceLink", { number: index + 1 })}</legend>
            <InputField label={t("evidenceTitle")} type="text" maxLength={300} {...rowField(index, "title")} />
            <InputField label={t("evidenceUrl")} type="url" inputMode="url" placeholder={URL_PLACEHOLDER} maxLength={2000} {...rowField(index, "url")} />
            <label className="checkbox">
              <input type="checkbox" name={`evidence.${index}.isPublic`} checked={row.isPublic} onChange={(event) => changeRow(index, "isPublic", event.target.checked)} /> {t("public")}
              <span className="muted">{t("publicHint")}</span>
            </label>
            <div>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => change({ evidence: values.evidence.filter((_, at) => at !== index) })}
              >
                {t("remove", { number: index + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          id="evidence-add"
          type="button"
          className="button button-secondary"
          disabled={values.evidence.length >= MAX_EVIDENCE_LINKS}
          aria-describedby={errors.evidence ? "evidence-error" : undefined}
          onClick={addRow}
        >
          {t("add")}
        </button>
        {errors.evidence ? (
          <p id="evidence-error" className="field-error">
            <span aria-hidden="true">{WARNING_SIGN} </span>
            {errors.evidence}
          </p>
        ) : null}
      </fieldset>

      <div className="actions">
        <button type="button" className="button button-secondary" disabled={pending} onClick={() => send(false)}>
          {saveDraft.isPending ? t("saving") : t("saveDraft")}
        </button>
        <button type="button" className="button" disabled={pending} onClick={() => send(true)}>
          {saveAndSubmit.isPending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
