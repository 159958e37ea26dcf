"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { FormAlerts } from "@/components/ui/form-alerts";
import { InputField, SelectField, TextAreaField } from "@/components/ui/field";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { SOURCE_KIND_LABELS } from "@/components/recommendations/recommendation-display";
import { SOURCE_DESCRIPTION_MAX, SOURCE_KINDS, SOURCE_LOCATION_MAX, SOURCE_TITLE_MAX, type TSourceKind } from "@/server/schemas/limits";
import { SubmitButton } from "@/components/ui/submit-button";

// The form holds plain strings; empty optional fields are sent as null (the service stores null).
type TSourceForm = { title: string; kind: string; date: string; location: string; link: string; description: string };

const EMPTY: TSourceForm = { title: "", kind: "", date: "", location: "", link: "", description: "" };

function input(values: TSourceForm) {
  return {
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
  const queryClient = useQueryClient();
  const ids = {
    title: `${idPrefix}-title`,
    kind: `${idPrefix}-kind`,
    date: `${idPrefix}-date`,
    location: `${idPrefix}-location`,
    link: `${idPrefix}-link`,
    description: `${idPrefix}-description`,
  };
  const form = useCheckedForm({ initial: EMPTY, ids, schema: () => import("@/server/schemas/sources").then((module) => module.ZCreateSourceInput), input });
  const { values, field } = form;
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
      toast.success(`Source “${source.title}” added.`);
      form.reset(EMPTY);
      onCreated?.({ id: source.id, title: source.title });
    }
  }

  return (
    <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title-heading`}>
      <h2 id={`${idPrefix}-title-heading`}>New source</h2>
      <FormAlerts form={form} />
      <InputField label="Title" type="text" maxLength={SOURCE_TITLE_MAX} {...field("title")} />
      <div className="rec-form-row">
        <SelectField label="Kind" {...field("kind")}>
          <option value="">Choose…</option>
          {SOURCE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {SOURCE_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        <InputField label="Date" type="date" {...field("date")} />
      </div>
      <InputField label="Location (optional)" type="text" maxLength={SOURCE_LOCATION_MAX} {...field("location")} />
      <InputField label="Link (optional)" hint="A web address starting with https://" type="url" inputMode="url" maxLength={2000} {...field("link")} />
      <TextAreaField label="Description (optional)" rows={3} maxLength={SOURCE_DESCRIPTION_MAX} {...field("description")} />
      <div className="actions">
        <SubmitButton busy={create.isPending} busyLabel="Adding…">
          Add source
        </SubmitButton>
      </div>
    </form>
  );
}
