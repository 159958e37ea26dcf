"use client";

import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { useTRPC } from "@/components/trpc-provider";
import { leaveEndedSession } from "@/components/auth/sign-out";
import { Field, describedBy } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { DateTime } from "@/components/ui/dates";
import { conflictOf, errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { ZRole, ZUpdateUserInput } from "@/server/schemas/users";
import type { UserSummary } from "@/components/users/user-detail";
import {
  ROLE_OPTIONS,
  STATE_HINT_FOCAL,
  STATE_HINT_SECRETARIAT,
  StateOptions,
  isSecretariatRole,
  summaryOf,
  type StateOption,
} from "@/components/users/user-form-parts";
import { useHydrated } from "@/components/users/use-hydrated";

const FIELDS = ["name", "role", "stateId"] as const;
type FieldName = (typeof FIELDS)[number];

const ZEditUserForm = z
  .object({
    name: ZUpdateUserInput.shape.name.unwrap(),
    role: z.string().pipe(ZRole),
    stateId: z.string().optional(),
  })
  .superRefine((values, ctx) => {
    if (values.role === "FOCAL_POINT" && !values.stateId) {
      ctx.addIssue({ code: "custom", path: ["stateId"], message: "Choose the State of this focal point" });
    }
  });
type TEditUserFormInput = z.input<typeof ZEditUserForm>;
type TEditUserForm = z.output<typeof ZEditUserForm>;

type Conflict = { changedBy: string | null; changedAt: string };

function valuesOf(user: UserSummary): TEditUserFormInput {
  return { name: user.name, role: user.role, stateId: user.state?.id ?? "" };
}

export function UserEditForm({ user, states, self }: { user: UserSummary; states: StateOption[]; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ID = `edit-user`;
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const form = useForm<TEditUserFormInput, unknown, TEditUserForm>({
    resolver: zodResolver(ZEditUserForm),
    shouldFocusError: false,
  });
  const { register, handleSubmit, setError, setValue, reset, control, formState } = form;
  const role = useWatch({ control, name: "role", defaultValue: user.role });
  const hydrated = useHydrated();
  // The initial values are the controls' own defaultValue rather than the form's defaultValues,
  // so that what was typed before hydration is not overwritten.
  const initial = valuesOf(user);
  const secretariat = isSecretariatRole(role);

  useEffect(() => {
    if (secretariat) setValue("stateId", "");
  }, [secretariat, setValue]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
        reset(valuesOf(updated));
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
        const accessChanged = updated.role !== user.role || (updated.state?.id ?? null) !== (user.state?.id ?? null);
        if (self && accessChanged) {
          // Changing one's own role or State ends one's own sessions too: sign in again.
          await leaveEndedSession("/sign-in");
          return;
        }
        toast.success(
          accessChanged
            ? `Saved. ${updated.name} was signed out everywhere; the new access applies from their next sign-in.`
            : "Saved.",
        );
      },
      onError: (error) => {
        const stale = conflictOf(error);
        if (stale) {
          setConflict(stale);
          return;
        }
        const byField = fieldErrors(error);
        let placed = false;
        for (const field of FIELDS) {
          if (byField[field]) {
            setError(field, { type: "server", message: byField[field] });
            placed = true;
          }
        }
        setFormError(placed ? null : errorMessage(error));
      },
    }),
  );

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    setConflict(null);
    update.mutate({
      id: user.id,
      expectedUpdatedAt: user.updatedAt.toISOString(),
      name: values.name,
      role: values.role,
      stateId: values.role === "FOCAL_POINT" ? (values.stateId ?? null) : null,
    });
  });

  async function reload() {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery(trpc.users.get.queryOptions({ id: user.id }, { staleTime: 0 }));
      reset(valuesOf(fresh));
      setConflict(null);
      setFormError(null);
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setReloading(false);
    }
  }

  const errors = formState.errors;
  const errorOf = (field: FieldName) => errors[field]?.message ?? null;
  const saving = update.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>Edit user</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summaryOf(errors, ID, [...FIELDS])} />
        {conflict ? (
          <div ref={conflictRef} tabIndex={-1} role="alert" className="alert alert-warning">
            <p className="users-alert-text">
              This account was changed by {conflict.changedBy ?? "someone else (or by a sign-in)"} at{" "}
              <DateTime value={conflict.changedAt} />. Your changes were not saved. Reload to see the current values,
              then make your changes again.
            </p>
            <button type="button" className="button button-secondary button-small" onClick={() => void reload()} disabled={reloading}>
              {reloading ? "Reloading…" : "Reload"}
            </button>
          </div>
        ) : null}
        {formError ? (
          <div role="alert" className="alert alert-error">
            {formError}
          </div>
        ) : null}
        <Field id={`${ID}-name`} label="Name" error={errorOf("name")}>
          <input
            id={`${ID}-name`}
            type="text"
            autoComplete="off"
            maxLength={200}
            defaultValue={initial.name}
            aria-invalid={Boolean(errorOf("name"))}
            aria-describedby={describedBy(`${ID}-name`, { error: errorOf("name") })}
            {...register("name")}
          />
        </Field>
        <Field
          id={`${ID}-role`}
          label="Role"
          error={errorOf("role")}
          hint={
            self
              ? "Changing your own role signs you out; you will need to sign in again."
              : "Changing the role or State signs the user out everywhere."
          }
        >
          <select
            id={`${ID}-role`}
            defaultValue={initial.role}
            aria-invalid={Boolean(errorOf("role"))}
            aria-describedby={describedBy(`${ID}-role`, { error: errorOf("role"), hint: true })}
            {...register("role")}
          >
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${ID}-stateId`}
          label="State"
          error={errorOf("stateId")}
          hint={secretariat ? STATE_HINT_SECRETARIAT : STATE_HINT_FOCAL}
        >
          <select
            id={`${ID}-stateId`}
            defaultValue={initial.stateId}
            aria-invalid={Boolean(errorOf("stateId"))}
            aria-describedby={describedBy(`${ID}-stateId`, { error: errorOf("stateId"), hint: true })}
            {...register("stateId", { disabled: secretariat })}
          >
            <option value="">{secretariat ? "None (secretariat)" : "Choose a State"}</option>
            <StateOptions states={states} />
          </select>
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={saving || reloading || !hydrated}>
            {saving ? "Saving…" : "Save changes"}
          </button>
        </div>
      </form>
    </section>
  );
}
