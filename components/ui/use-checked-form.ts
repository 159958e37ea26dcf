"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import type { SummaryError } from "@/components/ui/error-summary";
import { conflictOf, fieldErrors, useErrorMessage, type Conflict } from "@/components/ui/api-errors";
import { translateMessage, type ValidationTranslator } from "@/server/shared/message-keys";

type Values = Record<string, unknown>;
/** Messages by path, as the schema and the API name them: "narrative", "evidence.0.url". */
export type FormErrors = Record<string, string>;
/** The fields whose control holds a string (a text input, a select, a textarea). */
type TextField<V extends Values> = { [K in keyof V & string]: V[K] extends string ? K : never }[keyof V & string];

/** What the hook needs of a schema: Standard Schema's validate (zod/mini schemas have it). */
type Issue = { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] };
export type CheckingSchema = { "~standard": { validate: (value: unknown) => { issues?: readonly Issue[] } | Promise<unknown> } };

/** How a submission ended; the form says it (a toast) when it wants to. */
export type SubmitOutcome = "sent" | "invalid" | "conflict" | "fields" | "failed";

/**
 * A form's values in React state, checked with the API's own schema (server/schemas, zod/mini)
 * through Standard Schema: all fields on submit, then a field again as it changes. The schema is
 * loaded once the page is interactive (`schema` is its dynamic import), so that zod is not part of
 * any page's first load (bench/README.md, section 4); the first submit waits for it if needed. Errors are kept
 * by path; the API's refusals (its schema's and the services' field errors) land on the same paths,
 * a stale save becomes `conflict`, anything else `formError`. Each top-level field's control has
 * the id `ids[name]`, which the error summary links to, in the order of `ids`. Messages are shown in
 * the reader's language: the schema's and `refine`'s may be keys of the `validation` catalog
 * (server/shared/message-keys.ts), the API's come translated.
 */
export function useCheckedForm<V extends Values>({
  initial,
  ids,
  schema,
  input,
  prefix = "",
  refine,
  idOf,
  summaryText,
}: {
  initial: V;
  ids: Record<string, string>;
  /** Loads the schema: `() => import("@/server/schemas/users").then((module) => module.ZCreateUserInput)`. */
  schema: () => Promise<CheckingSchema>;
  /** The value the schema checks (and the API receives) for these form values. */
  input: (values: V) => unknown;
  /** A prefix of the schema's and the API's paths that the form's own paths do not have ("content."). */
  prefix?: string;
  /** The form's own rules beyond the API's (a confirmation, a choice not made yet); they win. */
  refine?: (values: V) => Partial<FormErrors>;
  /** The control of a nested path ("evidence.0.url"); its top-level field's by default. */
  idOf?: (path: string) => string;
  /** How the summary words a nested path's message. */
  summaryText?: (path: string, message: string) => string;
}) {
  const validation = useTranslations("validation") as unknown as ValidationTranslator;
  const t = useTranslations("errors");
  const errorMessage = useErrorMessage();
  const say = (message: string) => translateMessage(validation, message);
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempted, setAttempted] = useState(false);
  const [baseline, setBaseline] = useState<V>(initial);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const names = Object.keys(ids);
  const loaded = useRef<CheckingSchema | null>(null);
  const loading = useRef<Promise<CheckingSchema> | null>(null);
  function load(): Promise<CheckingSchema> {
    loading.current ??= schema().then((checking) => (loaded.current = checking));
    return loading.current;
  }
  const ownPath = (path: string) => names.includes(path.split(".")[0]!);

  // What was typed or chosen before hydration stays: the controls' values become the state.
  useEffect(() => {
    const typed: Partial<V> = {};
    for (const name of Object.keys(ids) as (keyof V & string)[]) {
      const control = document.getElementById(ids[name]!);
      if (typeof initial[name] === "string" && (control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) && !control.disabled) {
        if (control.value !== initial[name]) typed[name] = control.value as V[keyof V & string];
      }
    }
    // Once, on hydration, from the DOM (the one place these values exist outside React).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (Object.keys(typed).length > 0) setValues((current) => ({ ...current, ...typed }));
    // A failed load is tried again at the first submit.
    load().catch(() => (loading.current = null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** The first problem of each path of the form, by the schema and then the form's own rules. */
  function problemsOf(next: V, checking = loaded.current): FormErrors {
    const result = checking?.["~standard"].validate(input(next));
    const problems: FormErrors = {};
    if (result && !(result instanceof Promise)) {
      for (const issue of result.issues ?? []) {
        const path = (issue.path ?? []).map((segment) => String(typeof segment === "object" ? segment.key : segment)).join(".");
        const own = path.startsWith(prefix) ? path.slice(prefix.length) : path;
        if (ownPath(own)) problems[own] ??= say(issue.message);
      }
    }
    for (const [path, message] of Object.entries(refine?.(next) ?? {})) if (message) problems[path] = say(message);
    return problems;
  }

  /** Sets fields; after a first attempt, re-checks them (and the paths under them). */
  function change(patch: Partial<V>) {
    const next = { ...values, ...patch };
    setValues(next);
    if (!attempted) return;
    const problems = problemsOf(next);
    const touched = (path: string) => Object.keys(patch).some((name) => path === name || path.startsWith(`${name}.`));
    setErrors((current) => {
      const updated = Object.fromEntries(Object.entries(current).filter(([path]) => !touched(path)));
      for (const [path, message] of Object.entries(problems)) if (touched(path)) updated[path] = message;
      return updated;
    });
  }

  /** Checks every field before sending; true when the form may be sent. */
  async function check(): Promise<boolean> {
    // Without the schema (it could not be loaded), the server's answer says what is wrong.
    const problems = problemsOf(values, await load().catch(() => null));
    setAttempted(true);
    setErrors(problems);
    return Object.keys(problems).length === 0;
  }

  /** Puts the API's field errors (its schema's or the services') on this form's fields; false when none is one of them. */
  function placeServerErrors(error: unknown): boolean {
    const shown: FormErrors = {};
    for (const [path, message] of Object.entries(fieldErrors(error))) {
      const own = path.startsWith(prefix) ? path.slice(prefix.length) : path;
      if (ownPath(own)) shown[own] = say(message);
    }
    setErrors(shown);
    return Object.keys(shown).length > 0;
  }

  /**
   * Checks, then sends; a refusal lands where it belongs (fields, the conflict alert, the error
   * alert), and `onRefused` may say it again (a toast). What was typed stays in every case.
   */
  async function submit(send: () => Promise<unknown>, onRefused?: (outcome: "conflict" | "fields" | "failed", message: string, conflict: Conflict | null) => void): Promise<SubmitOutcome> {
    if (!(await check())) return "invalid";
    setConflict(null);
    setFormError(null);
    try {
      await send();
      return "sent";
    } catch (error) {
      const stale = conflictOf(error);
      if (stale) {
        setConflict(stale);
        onRefused?.("conflict", t("form.notSaved"), stale);
        return "conflict";
      }
      if (placeServerErrors(error)) {
        onRefused?.("fields", t("server.fieldsNeedAttention"), null);
        return "fields";
      }
      const message = errorMessage(error);
      setFormError(message);
      onRefused?.("failed", message, null);
      return "failed";
    }
  }

  function reset(next: V) {
    setValues(next);
    setBaseline(next);
    setErrors({});
    setAttempted(false);
    setConflict(null);
    setFormError(null);
  }

  /** The wiring of a field's control (InputField, SelectField, TextAreaField, PasswordField): id, name, value, error, onChange. */
  function field<K extends TextField<V>>(name: K) {
    return {
      id: ids[name]!,
      name,
      value: values[name] as string,
      error: errors[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => change({ [name]: event.target.value } as Partial<V>),
    };
  }

  // In the order of the fields; a field's nested paths follow it in the order they were found.
  const summary: SummaryError[] = names.flatMap((name) =>
    Object.entries(errors)
      .filter(([path]) => path === name || path.startsWith(`${name}.`))
      .map(([path, message]) => ({
        fieldId: path === name ? ids[name]! : (idOf?.(path) ?? ids[name]!),
        message: path === name ? message : (summaryText?.(path, message) ?? message),
      })),
  );

  /** Whether the values differ from the initial ones (or the last reset). */
  const dirty = names.some((name) => JSON.stringify(values[name]) !== JSON.stringify(baseline[name]));

  return { values, errors, summary, dirty, conflict, formError, field, change, check, submit, placeServerErrors, reset, setErrors, setFormError, setConflict };
}

export type CheckedForm = Pick<ReturnType<typeof useCheckedForm>, "summary" | "conflict" | "formError">;
