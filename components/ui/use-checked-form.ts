"use client";

import { useEffect, useState, type ChangeEvent } from "react";
import type { SummaryError } from "@/components/ui/error-summary";
import { fieldErrors } from "@/components/ui/api-errors";

type Values = Record<string, unknown>;
export type FormErrors<V extends Values> = Partial<Record<keyof V & string, string>>;
/** The fields whose control holds a string (a text input, a select, a textarea). */
type TextField<V extends Values> = { [K in keyof V & string]: V[K] extends string ? K : never }[keyof V & string];

/**
 * A form's values in React state, checked with zod-free rules (server/schemas/*-rules.ts): all
 * fields on submit, then a field again as it changes (as react-hook-form did). Each field's
 * control has the id `ids[name]`, which the error summary links to.
 */
export function useCheckedForm<V extends Values>({
  initial,
  ids,
  problemsOf,
}: {
  initial: V;
  ids: Record<keyof V & string, string>;
  problemsOf: (values: V) => FormErrors<V>;
}) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors<V>>({});
  const [attempted, setAttempted] = useState(false);
  const [baseline, setBaseline] = useState<V>(initial);
  const names = Object.keys(ids) as (keyof V & string)[];

  // What was typed or chosen before hydration stays: the controls' values become the state.
  useEffect(() => {
    const typed: Partial<V> = {};
    for (const name of Object.keys(ids) as (keyof V & string)[]) {
      const control = document.getElementById(ids[name]);
      if (typeof initial[name] === "string" && (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) && !control.disabled) {
        if (control.value !== initial[name]) typed[name] = control.value as V[keyof V & string];
      }
    }
    // Once, on hydration, from the DOM (the one place these values exist outside React).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (Object.keys(typed).length > 0) setValues((current) => ({ ...current, ...typed }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Sets fields; after a first attempt, re-checks the ones that changed. */
  function change(patch: Partial<V>) {
    const next = { ...values, ...patch };
    setValues(next);
    if (attempted) {
      const problems = problemsOf(next);
      setErrors((current) => {
        const updated = { ...current };
        for (const name of Object.keys(patch) as (keyof V & string)[]) updated[name] = problems[name];
        return updated;
      });
    }
  }

  /** Checks every field before sending; true when the form may be sent. */
  function check(): boolean {
    const problems = problemsOf(values);
    setAttempted(true);
    setErrors(problems);
    return !names.some((name) => problems[name]);
  }

  /** Puts the API's field errors (zod or domain) on their fields; false when none is a field of this form. */
  function placeServerErrors(error: unknown): boolean {
    const byField = fieldErrors(error);
    const shown: FormErrors<V> = {};
    for (const name of names) if (byField[name]) shown[name] = byField[name];
    setErrors(shown);
    return Object.keys(shown).length > 0;
  }

  function reset(next: V) {
    setValues(next);
    setBaseline(next);
    setErrors({});
    setAttempted(false);
  }

  /** The wiring of a field's control (InputField, SelectField, TextAreaField): id, name, value, error, onChange. */
  function field<K extends TextField<V>>(name: K) {
    return {
      id: ids[name],
      name,
      value: values[name] as string,
      error: errors[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => change({ [name]: event.target.value } as Partial<V>),
    };
  }

  const summary: SummaryError[] = names.flatMap((name) => {
    const message = errors[name];
    return message ? [{ fieldId: ids[name], message }] : [];
  });

  /** Whether the values differ from the initial ones (or the last reset). */
  const dirty = names.some((name) => JSON.stringify(values[name]) !== JSON.stringify(baseline[name]));

  return { values, errors, summary, dirty, field, change, check, placeServerErrors, reset };
}
