"use client";

import { useEffect, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { InputField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { errorMessage } from "@/components/ui/api-errors";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { Role } from "@/prisma/generated/enums";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/shared/password-policy";
import { EMAIL_MAX, PASSWORD_INPUT_MAX, USER_NAME_MAX, emailProblem, newPasswordProblem, userNameProblem } from "@/server/schemas/user-rules";
import {
  RoleAndStateFields,
  roleAndStateProblems,
  type StateOption,
} from "@/components/users/user-form-parts";

// The select starts empty so that nobody gets a role by default.
type TNewUserForm = { name: string; email: string; role: string; stateId: string; password: string };

const EMPTY: TNewUserForm = { name: "", email: "", role: "", stateId: "", password: "" };
const ID = "new-user";
const IDS = { name: `${ID}-name`, email: `${ID}-email`, role: `${ID}-role`, stateId: `${ID}-stateId`, password: `${ID}-password` };

// The API's rules (user-rules.ts), checked without zod.
function problemsOf(values: TNewUserForm) {
  return {
    name: userNameProblem(values.name) ?? undefined,
    email: emailProblem(values.email) ?? undefined,
    ...roleAndStateProblems(values),
    password: newPasswordProblem(values.password) ?? undefined,
  };
}

export function NewUserForm({ states, onDone }: { states: StateOption[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { values, summary, field, change, check, placeServerErrors } = useCheckedForm({ initial: EMPTY, ids: IDS, problemsOf });

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        toast.success(`User ${user.name} created. They must choose their own password when they first sign in.`);
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
        onDone();
      },
      onError: (error) => {
        setFormError(placeServerErrors(error) ? null : errorMessage(error));
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending || !check()) return;
    setFormError(null);
    create.mutate({
      name: values.name,
      email: values.email,
      role: values.role as Role,
      stateId: values.role === "FOCAL_POINT" ? values.stateId || null : null,
      password: values.password,
      mustChangePassword: true,
    });
  }

  const saving = create.isPending;

  return (
    <section className="card users-new" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`} ref={headingRef} tabIndex={-1}>
        New user
      </h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summary} />
        {formError ? (
          <div role="alert" className="alert alert-error">
            {formError}
          </div>
        ) : null}
        <InputField label="Name" type="text" autoComplete="off" maxLength={USER_NAME_MAX} {...field("name")} />
        <InputField label="Email" type="email" autoComplete="off" maxLength={EMAIL_MAX} {...field("email")} />
        <RoleAndStateFields
          role={field("role")}
          stateId={field("stateId")}
          states={states}
          chooseRole
          onRoleChange={(role, dropState) => change(dropState ? { role, stateId: "" } : { role })}
        />
        <InputField
          label="Initial password"
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters. Give it to the user by a safe channel; they must choose their own password when they first sign in.`}
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_INPUT_MAX}
          {...field("password")}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? "Creating…" : "Create user"}
          </button>
          <button type="button" className="button button-secondary" onClick={onDone} disabled={saving}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
