"use client";

import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { useTRPC } from "@/components/trpc-provider";
import { Field, describedBy } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { ZCreateUserInput, ZRole } from "@/server/schemas/users";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import {
  ROLE_OPTIONS,
  STATE_HINT_FOCAL,
  STATE_HINT_SECRETARIAT,
  StateOptions,
  isSecretariatRole,
  summaryOf,
  type StateOption,
} from "@/components/users/user-form-parts";

const FIELDS = ["name", "email", "role", "stateId", "password"] as const;
type FieldName = (typeof FIELDS)[number];

const ZNewUserForm = z
  .object({
    name: ZCreateUserInput.shape.name,
    email: ZCreateUserInput.shape.email,
    // The select starts empty so that nobody gets a role by default.
    role: z.string().pipe(ZRole),
    stateId: z.string().optional(),
    password: ZCreateUserInput.shape.password,
  })
  .superRefine((values, ctx) => {
    if (values.role === "FOCAL_POINT" && !values.stateId) {
      ctx.addIssue({ code: "custom", path: ["stateId"], message: "Choose the State of this focal point" });
    }
  });
type TNewUserFormInput = z.input<typeof ZNewUserForm>;
type TNewUserForm = z.output<typeof ZNewUserForm>;

const EMPTY: TNewUserFormInput = { name: "", email: "", role: "", stateId: "", password: "" };
const ID = "new-user";

export function NewUserForm({ states, onDone }: { states: StateOption[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<TNewUserFormInput, unknown, TNewUserForm>({
    resolver: zodResolver(ZNewUserForm),
    defaultValues: EMPTY,
    shouldFocusError: false,
  });
  const { register, handleSubmit, setError, setValue, control, formState } = form;
  const role = useWatch({ control, name: "role" });
  const secretariat = isSecretariatRole(role);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    // Secretariat staff are not bound to a State: drop one chosen before the role changed.
    if (secretariat) setValue("stateId", "");
  }, [secretariat, setValue]);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        toast.success(`User ${user.name} created. They must choose their own password when they first sign in.`);
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
        onDone();
      },
      onError: (error) => {
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
    create.mutate({
      name: values.name,
      email: values.email,
      role: values.role,
      stateId: values.role === "FOCAL_POINT" ? (values.stateId ?? null) : null,
      password: values.password,
      mustChangePassword: true,
    });
  });

  const errors = formState.errors;
  const errorOf = (field: FieldName) => errors[field]?.message ?? null;
  const saving = create.isPending;

  return (
    <section className="card users-new" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`} ref={headingRef} tabIndex={-1}>
        New user
      </h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summaryOf(errors, ID, [...FIELDS])} />
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
            aria-invalid={Boolean(errorOf("name"))}
            aria-describedby={describedBy(`${ID}-name`, { error: errorOf("name") })}
            {...register("name")}
          />
        </Field>
        <Field id={`${ID}-email`} label="Email" error={errorOf("email")}>
          <input
            id={`${ID}-email`}
            type="email"
            autoComplete="off"
            maxLength={254}
            aria-invalid={Boolean(errorOf("email"))}
            aria-describedby={describedBy(`${ID}-email`, { error: errorOf("email") })}
            {...register("email")}
          />
        </Field>
        <Field id={`${ID}-role`} label="Role" error={errorOf("role")}>
          <select
            id={`${ID}-role`}
            aria-invalid={Boolean(errorOf("role"))}
            aria-describedby={describedBy(`${ID}-role`, { error: errorOf("role") })}
            {...register("role")}
          >
            <option value="">Choose a role</option>
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
            aria-invalid={Boolean(errorOf("stateId"))}
            aria-describedby={describedBy(`${ID}-stateId`, { error: errorOf("stateId"), hint: true })}
            {...register("stateId", { disabled: secretariat })}
          >
            <option value="">{secretariat ? "None (secretariat)" : "Choose a State"}</option>
            <StateOptions states={states} />
          </select>
        </Field>
        <Field
          id={`${ID}-password`}
          label="Initial password"
          error={errorOf("password")}
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters. Give it to the user by a safe channel; they must choose their own password when they first sign in.`}
        >
          <input
            id={`${ID}-password`}
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX_LENGTH * 4}
            aria-invalid={Boolean(errorOf("password"))}
            aria-describedby={describedBy(`${ID}-password`, { error: errorOf("password"), hint: true })}
            {...register("password")}
          />
        </Field>
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
