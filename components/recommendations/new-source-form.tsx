"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { useTRPC } from "@/components/trpc-provider";
import { errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { FocusedAlert } from "@/components/recommendations/focused-alert";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { Field, describedBy } from "@/components/ui/field";
import { SOURCE_KIND_LABELS } from "@/components/recommendations/recommendation-display";
import { SOURCE_KINDS, ZCreateSourceInput } from "@/server/schemas/sources";

// The form holds plain strings; empty optional fields are sent as null (the service stores null).
const ZSourceForm = ZCreateSourceInput.extend({
  kind: z.union([z.literal(""), ZCreateSourceInput.shape.kind]).refine((kind) => kind !== "", "Choose the kind of source"),
  location: z.union([z.literal(""), ZCreateSourceInput.shape.location.unwrap().unwrap()]),
  link: z.union([z.literal(""), ZCreateSourceInput.shape.link.unwrap().unwrap()]),
  description: z.union([z.literal(""), ZCreateSourceInput.shape.description.unwrap().unwrap()]),
});
type TSourceForm = z.input<typeof ZSourceForm>;
type TSourceFields = keyof TSourceForm;

const EMPTY: TSourceForm = { title: "", kind: "", date: "", location: "", link: "", description: "" };
const FIELDS: TSourceFields[] = ["title", "kind", "date", "location", "link", "description"];

export type CreatedSource = { id: string; title: string };

/** A small form for a new source (a conference, an action plan, a monitoring cycle). */
export function NewSourceForm({ idPrefix = "source", onCreated }: { idPrefix?: string; onCreated?: (source: CreatedSource) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<TSourceForm>({ resolver: zodResolver(ZSourceForm), defaultValues: EMPTY });
  const { register, handleSubmit, formState, setError, reset } = form;
  const create = useMutation(trpc.sources.create.mutationOptions());
  const id = (field: TSourceFields) => `${idPrefix}-${field}`;

  async function save(values: TSourceForm) {
    setServerError(null);
    try {
      const source = await create.mutateAsync({
        title: values.title,
        kind: values.kind as (typeof SOURCE_KINDS)[number],
        date: values.date,
        location: values.location || null,
        link: values.link || null,
        description: values.description || null,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.sources.pathKey() });
      toast.success(`Source “${source.title}” added.`);
      reset(EMPTY);
      onCreated?.({ id: source.id, title: source.title });
    } catch (error) {
      const byField = Object.entries(fieldErrors(error)).filter(([field]) => FIELDS.includes(field as TSourceFields));
      for (const [field, message] of byField) setError(field as TSourceFields, { type: "server", message });
      const message = byField.length > 0 ? "Some fields need attention." : errorMessage(error);
      setServerError(byField.length > 0 ? null : message);
      toast.error(message);
    }
  }

  const errors = formState.errors;
  const summary: SummaryError[] = FIELDS.flatMap((field) =>
    errors[field]?.message ? [{ fieldId: id(field), message: errors[field].message }] : [],
  );
  const control = (field: TSourceFields, hint = false) => ({
    id: id(field),
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": describedBy(id(field), { hint, error: errors[field]?.message }),
  });

  return (
    <form className="stack" noValidate onSubmit={handleSubmit(save)} aria-labelledby={`${idPrefix}-title-heading`}>
      <h2 id={`${idPrefix}-title-heading`}>New source</h2>
      <ErrorSummary errors={summary} />
      {serverError ? (
        <FocusedAlert className="alert alert-error">
          {serverError}
        </FocusedAlert>
      ) : null}
      <Field id={id("title")} label="Title" error={errors.title?.message}>
        <input type="text" maxLength={300} {...control("title")} {...register("title")} />
      </Field>
      <div className="rec-form-row">
        <Field id={id("kind")} label="Kind" error={errors.kind?.message}>
          <select {...control("kind")} {...register("kind")}>
            <option value="">Choose…</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {SOURCE_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("date")} label="Date" error={errors.date?.message}>
          <input type="date" {...control("date")} {...register("date")} />
        </Field>
      </div>
      <Field id={id("location")} label="Location (optional)" error={errors.location?.message}>
        <input type="text" maxLength={200} {...control("location")} {...register("location")} />
      </Field>
      <Field id={id("link")} label="Link (optional)" hint="A web address starting with https://" error={errors.link?.message}>
        <input type="url" inputMode="url" maxLength={2000} {...control("link", true)} {...register("link")} />
      </Field>
      <Field id={id("description")} label="Description (optional)" error={errors.description?.message}>
        <textarea rows={3} maxLength={20_000} {...control("description")} {...register("description")} />
      </Field>
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add source"}
        </button>
      </div>
    </form>
  );
}
