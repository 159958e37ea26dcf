"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/trpc-provider";
import { FieldError, InputField, PERCENT_INPUT, SelectField, TextAreaField } from "@/components/ui/field";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { useErrorMessage } from "@/components/ui/api-errors";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { toast } from "@/components/ui/toast";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { MAX_SCALE_STATUSES } from "@/server/schemas/limits";
import { ODIHR_LEVELS } from "@/server/shared/odihr-levels";
import type { OdihrLevel } from "@/server/shared/figures";

export type ScaleDetail = inferRouterOutputs<AppRouter>["scales"]["get"];

/** A status as the form holds it: progress as typed, the saved status's id and whether commitments hold it. */
type StatusRow = {
  rowKey: number;
  saved: boolean;
  held: boolean;
  key: string;
  label: string;
  defaultProgress: string;
  countsTowardsAverage: boolean;
  odihrLevel: OdihrLevel | "";
};
type ScaleValues = { name: string; description: string; statuses: StatusRow[] };

const ID = "scale";
const ARROW_UP = "↑";
const ARROW_DOWN = "↓";
const IDS = { name: `${ID}-name`, description: `${ID}-description`, statuses: `${ID}-add-status` };
type RowField = "label" | "key" | "defaultProgress";
const rowPath = /^statuses\.(\d+)\.(label|key|defaultProgress|odihrLevel|countsTowardsAverage)$/;
const idOf = (path: string) => path.replace(rowPath, `${ID}-status-$1-$2`);

function valuesOf(scale: ScaleDetail | null): ScaleValues {
  if (!scale) {
    return { name: "", description: "", statuses: [blankRow(0), blankRow(1)] };
  }
  return {
    name: scale.name,
    description: scale.description ?? "",
    statuses: scale.statuses.map((status, index) => ({
      rowKey: index,
      saved: true,
      held: status.held === true,
      key: status.key,
      label: status.label,
      defaultProgress: String(status.defaultProgress),
      countsTowardsAverage: status.countsTowardsAverage,
      odihrLevel: status.odihrLevel ?? "",
    })),
  };
}

function blankRow(rowKey: number): StatusRow {
  return { rowKey, saved: false, held: false, key: "", label: "", defaultProgress: "", countsTowardsAverage: true, odihrLevel: "" };
}

/** The statuses as the API takes them (progress as a number; an empty one is not a number). */
function statusesOf(values: ScaleValues) {
  return values.statuses.map((row) => ({
    key: row.key.trim(),
    label: row.label,
    defaultProgress: row.defaultProgress.trim() === "" ? Number.NaN : Number(row.defaultProgress),
    countsTowardsAverage: row.countsTowardsAverage,
    odihrLevel: row.odihrLevel === "" ? null : row.odihrLevel,
  }));
}

/**
 * Creates a status scale (`scale` null) or edits one: its name, description and statuses in order.
 * Statuses move with Move up / Move down (the moved status's button keeps the focus and the new
 * position is announced); a status that commitments hold cannot be removed.
 */
export function ScaleForm({ scale }: { scale: ScaleDetail | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const t = useTranslations("settings.scale");
  const scalesT = useTranslations("settings.scales");
  const labels = useReferenceLabels();
  const errorMessage = useErrorMessage();
  const [current, setCurrent] = useState(scale);
  const [announcement, setAnnouncement] = useState("");
  const pendingFocus = useRef<string | null>(null);
  const nextRowKey = useRef(Math.max(2, scale?.statuses.length ?? 0));
  const conflict: ConflictWording = { what: t("conflictWhat"), detail: t("conflictDetail") };

  const input = (values: ScaleValues) => ({
    ...(current ? { id: current.id, expectedVersion: current.version } : {}),
    name: values.name,
    description: values.description.trim() === "" ? null : values.description,
    statuses: statusesOf(values),
  });
  const form = useCheckedForm({
    initial: valuesOf(scale),
    ids: IDS,
    schema: () => import("@/server/schemas/scales").then((module) => (scale ? module.ZUpdateScaleInput : module.ZCreateScaleInput)),
    input,
    idOf,
    summaryText: (path, message) => t("statusError", { number: Number(rowPath.exec(path)?.[1] ?? 0) + 1, message }),
  });
  const { values, errors, field, change, reset } = form;
  const create = useMutation(trpc.scales.create.mutationOptions());
  const update = useMutation(trpc.scales.update.mutationOptions());
  const saving = create.isPending || update.isPending;

  // After a move the moved status's button keeps the focus (or its other button at an end).
  useEffect(() => {
    if (!pendingFocus.current) return;
    const button = document.getElementById(pendingFocus.current);
    pendingFocus.current = null;
    if (button instanceof HTMLButtonElement && !button.disabled) button.focus();
  }, [values.statuses]);

  function shown(row: StatusRow) {
    return row.label.trim() === "" ? t("newStatus") : labels.status(row);
  }

  function changeRow(index: number, patch: Partial<StatusRow>) {
    change({ statuses: values.statuses.map((row, at) => (at === index ? { ...row, ...patch } : row)) });
  }

  function move(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= values.statuses.length) return;
    const statuses = [...values.statuses];
    const [row] = statuses.splice(index, 1);
    statuses.splice(target, 0, row!);
    const atEnd = target === 0 || target === statuses.length - 1;
    const direction = by < 0 ? "up" : "down";
    const other = direction === "up" ? "down" : "up";
    pendingFocus.current = `${ID}-status-${row!.rowKey}-${atEnd ? other : direction}`;
    change({ statuses });
    setAnnouncement(t("moved", { label: shown(row!), position: target + 1, total: statuses.length }));
  }

  function remove(index: number) {
    const row = values.statuses[index]!;
    change({ statuses: values.statuses.filter((_, at) => at !== index) });
    setAnnouncement(t("removed", { label: shown(row) }));
    document.getElementById(IDS.statuses)?.focus();
  }

  function addRow() {
    const rowKey = nextRowKey.current;
    nextRowKey.current += 1;
    change({ statuses: [...values.statuses, blankRow(rowKey)] });
    pendingFocus.current = null;
    requestAnimationFrame(() => document.getElementById(idOf(`statuses.${values.statuses.length}.label`))?.focus());
  }

  function rowField(index: number, name: RowField) {
    const path = `statuses.${index}.${name}`;
    return {
      id: idOf(path),
      name: path,
      error: errors[path],
      value: values.statuses[index]![name],
      onChange: (event: ChangeEvent<HTMLInputElement>) => changeRow(index, { [name]: event.target.value }),
    };
  }

  async function reload() {
    if (!current) return;
    try {
      const fresh = await queryClient.fetchQuery(trpc.scales.get.queryOptions({ id: current.id }, { staleTime: 0 }));
      setCurrent(fresh);
      reset(valuesOf(fresh));
    } catch (error) {
      form.setFormError(errorMessage(error));
    }
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    if (!current) {
      let created: { id: string; name: string } | undefined;
      const sent = await form.submit(async () => {
        created = await create.mutateAsync(input(values) as Parameters<typeof create.mutateAsync>[0]);
      });
      if (sent !== "sent" || !created) return;
      toast.success(t("created", { name: created.name }));
      await queryClient.invalidateQueries({ queryKey: trpc.scales.list.pathKey() });
      router.push(`/admin/scales/${created.id}`);
      return;
    }
    const sent = await form.submit(async () => {
      await update.mutateAsync(input(values) as Parameters<typeof update.mutateAsync>[0]);
    });
    if (sent !== "sent") return;
    const fresh = await queryClient.fetchQuery(trpc.scales.get.queryOptions({ id: current.id }, { staleTime: 0 }));
    setCurrent(fresh);
    reset(valuesOf(fresh));
    await queryClient.invalidateQueries({ queryKey: trpc.scales.list.pathKey() });
    toast.success(t("saved"));
    router.refresh();
  }

  const odihrOptions = ODIHR_LEVELS.map((level) => ({ value: level, label: labels.odihrLevel(level) }));
  const last = values.statuses.length - 1;

  return (
    <form className="stack scale-form" method="post" onSubmit={onSubmit} noValidate>
      <FormAlerts form={form} conflict={conflict} onReload={reload} />
      {current?.inUse ? <p className="muted">{t("inUse")}</p> : null}
      <InputField label={scalesT("name")} type="text" autoComplete="off" maxLength={100} {...field("name")} />
      <TextAreaField label={scalesT("description")} maxLength={2000} rows={3} {...field("description")} />

      <fieldset className="scale-statuses">
        <legend>{t("statusesLegend")}</legend>
        <ol className="scale-status-list">
          {values.statuses.map((row, index) => {
            const name = shown(row);
            const levelPath = `statuses.${index}.odihrLevel`;
            return (
              <li key={row.rowKey}>
                <fieldset className="scale-status">
                  <legend>{t("statusLegend", { number: index + 1, label: name })}</legend>
                  <div className="scale-status-fields">
                    <InputField label={t("label")} type="text" autoComplete="off" maxLength={100} {...rowField(index, "label")} />
                    {row.saved ? (
                      <InputField label={t("key")} type="text" readOnly hint={t("keyFixed")} {...rowField(index, "key")} />
                    ) : (
                      <InputField label={t("key")} type="text" autoComplete="off" maxLength={50} hint={t("keyHint")} {...rowField(index, "key")} />
                    )}
                    <InputField label={t("defaultProgress")} {...PERCENT_INPUT} {...rowField(index, "defaultProgress")} />
                    <SelectField
                      id={idOf(levelPath)}
                      name={levelPath}
                      label={t("odihrLevel")}
                      value={row.odihrLevel}
                      error={errors[levelPath]}
                      onChange={(event) => changeRow(index, { odihrLevel: event.target.value as OdihrLevel | "" })}
                    >
                      <option value="">{t("noOdihrLevel")}</option>
                      {odihrOptions.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </SelectField>
                    <label className="checkbox" htmlFor={idOf(`statuses.${index}.countsTowardsAverage`)}>
                      <input
                        id={idOf(`statuses.${index}.countsTowardsAverage`)}
                        type="checkbox"
                        name={`statuses.${index}.countsTowardsAverage`}
                        checked={row.countsTowardsAverage}
                        onChange={(event) => changeRow(index, { countsTowardsAverage: event.target.checked })}
                      />
                      {t("counts")}
                    </label>
                  </div>
                  <div className="actions scale-status-actions">
                    <button
                      id={`${ID}-status-${row.rowKey}-up`}
                      type="button"
                      className="button button-secondary button-small"
                      disabled={index === 0}
                      aria-label={t("moveUpNamed", { label: name })}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">{ARROW_UP} </span>
                      {t("moveUp")}
                    </button>
                    <button
                      id={`${ID}-status-${row.rowKey}-down`}
                      type="button"
                      className="button button-secondary button-small"
                      disabled={index === last}
                      aria-label={t("moveDownNamed", { label: name })}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">{ARROW_DOWN} </span>
                      {t("moveDown")}
                    </button>
                    {row.held ? (
                      <p className="muted">{t("held")}</p>
                    ) : (
                      <button type="button" className="button button-secondary button-small" aria-label={t("removeNamed", { label: name })} onClick={() => remove(index)}>
                        {t("remove")}
                      </button>
                    )}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button
          id={IDS.statuses}
          type="button"
          className="button button-secondary"
          disabled={values.statuses.length >= MAX_SCALE_STATUSES}
          aria-describedby={errors.statuses ? `${IDS.statuses}-error` : undefined}
          onClick={addRow}
        >
          {t("add")}
        </button>
        <FieldError id={`${IDS.statuses}-error`} message={errors.statuses} />
      </fieldset>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="actions">
        <SubmitButton busy={saving} busyLabel={current ? t("saving") : t("creating")}>
          {current ? t("save") : t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}
