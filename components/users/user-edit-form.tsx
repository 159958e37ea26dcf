"use client";

import { useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { leaveEndedSession } from "@/components/auth/sign-out";
import { InputField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { DateTime } from "@/components/ui/dates";
import { conflictOf, errorMessage } from "@/components/ui/api-errors";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { Role } from "@/prisma/generated/enums";
import { USER_NAME_MAX, userNameProblem } from "@/server/schemas/user-rules";
import type { UserSummary } from "@/components/users/user-detail";
import {
  RoleAndStateFields,
  roleAndStateProblems,
  type StateOption,
} from "@/components/users/user-form-parts";
import { useHydrated } from "@/components/users/use-hydrated";

type TEditUserForm = { name: string; role: string; stateId: string };
type Conflict = { changedBy: string | null; changedAt: string };

const ID = "edit-user";
const IDS = { name: `${ID}-name`, role: `${ID}-role`, stateId: `${ID}-stateId` };

// The API's rules (user-rules.ts), checked without zod.
function problemsOf(values: TEditUserForm) {
  return { name: userNameProblem(values.name) ?? undefined, ...roleAndStateProblems(values) };
}

function valuesOf(user: UserSummary): TEditUserForm {
  return { name: user.name, role: user.role, stateId: user.state?.id ?? "" };
}

export function UserEditForm({ user, states, self }: { user: UserSummary; states: StateOption[]; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reloading, setReloading] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  // What was typed before hydration is kept (useCheckedForm reads the controls once hydrated).
  const { values, summary, field, change, check, placeServerErrors, reset } = useCheckedForm({
    initial: valuesOf(user),
    ids: IDS,
    problemsOf,
  });
  const hydrated = useHydrated();

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
        setFormError(placeServerErrors(error) ? null : errorMessage(error));
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending || !check()) return;
    setFormError(null);
    setConflict(null);
    update.mutate({
      id: user.id,
      expectedUpdatedAt: user.updatedAt.toISOString(),
      name: values.name,
      role: values.role as Role,
      stateId: values.role === "FOCAL_POINT" ? values.stateId || null : null,
    });
  }

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

  const saving = update.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>Edit user</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summary} />
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
        <InputField label="Name" type="text" autoComplete="off" maxLength={USER_NAME_MAX} {...field("name")} />
        <RoleAndStateFields
          role={field("role")}
          stateId={field("stateId")}
          states={states}
          roleHint={
            self
              ? "Changing your own role signs you out; you will need to sign in again."
              : "Changing the role or State signs the user out everywhere."
          }
          onRoleChange={(role, dropState) => change(dropState ? { role, stateId: "" } : { role })}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={saving || reloading || !hydrated}>
            {saving ? "Saving…" : "Save changes"}
          </button>
        </div>
      </form>
    </section>
  );
}
