"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { useTRPC } from "@/components/trpc-provider";
import { Field, describedBy } from "@/components/ui/field";
import { ErrorSummary, type SummaryError } from "@/components/ui/error-summary";
import { errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { ZChangePasswordInput } from "@/server/schemas/users";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import { useHydrated } from "@/components/users/use-hydrated";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
type FieldName = (typeof FIELDS)[number];

const ZChangePasswordForm = ZChangePasswordInput.extend({
  confirmPassword: z.string().min(1, "Enter the new password again").max(PASSWORD_MAX_LENGTH * 4),
}).superRefine((values, ctx) => {
  if (values.confirmPassword && values.confirmPassword !== values.newPassword) {
    ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match" });
  }
});
type TChangePasswordForm = z.infer<typeof ZChangePasswordForm>;

const ID = "change-password";

function summaryOf(errors: FieldErrors<TChangePasswordForm>): SummaryError[] {
  return FIELDS.flatMap((field) => {
    const message = errors[field]?.message;
    return message ? [{ fieldId: `${ID}-${field}`, message }] : [];
  });
}
const EMPTY: TChangePasswordForm = { currentPassword: "", newPassword: "", confirmPassword: "" };

/**
 * Changing the password ends every session, this one included; the form then signs in again with
 * the new password so that the user stays signed in on this device.
 */
export function ChangePasswordForm({ email, forced }: { email: string; forced: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TChangePasswordForm>({
    resolver: zodResolver(ZChangePasswordForm),
    shouldFocusError: false,
  });
  // No defaultValues: what was typed before hydration is kept rather than reset to "".
  const { register, handleSubmit, setError, reset, formState } = form;
  const hydrated = useHydrated();

  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async (_result, variables) => {
        reset(EMPTY);
        const signedIn = await signIn("credentials", { email, password: variables.newPassword, redirect: false }).catch(
          () => null,
        );
        if (!signedIn || signedIn.error) {
          toast.success("Your password was changed. Sign in with your new password.");
          router.push("/sign-in");
          return;
        }
        toast.success("Your password was changed. Other devices and browsers were signed out.");
        if (forced) router.replace("/");
        else router.refresh();
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
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  });

  const errors = formState.errors;
  const errorOf = (field: FieldName) => errors[field]?.message ?? null;
  const pending = change.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>Change password</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summaryOf(errors)} />
        {formError ? (
          <div role="alert" className="alert alert-error">
            {formError}
          </div>
        ) : null}
        <Field id={`${ID}-currentPassword`} label="Current password" error={errorOf("currentPassword")}>
          <input
            id={`${ID}-currentPassword`}
            type="password"
            autoComplete="current-password"
            maxLength={PASSWORD_MAX_LENGTH * 4}
            aria-invalid={Boolean(errorOf("currentPassword"))}
            aria-describedby={describedBy(`${ID}-currentPassword`, { error: errorOf("currentPassword") })}
            {...register("currentPassword")}
          />
        </Field>
        <Field
          id={`${ID}-newPassword`}
          label="New password"
          error={errorOf("newPassword")}
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, different from the current one. A long passphrase is easier to remember and harder to guess.`}
        >
          <input
            id={`${ID}-newPassword`}
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX_LENGTH * 4}
            aria-invalid={Boolean(errorOf("newPassword"))}
            aria-describedby={describedBy(`${ID}-newPassword`, { error: errorOf("newPassword"), hint: true })}
            {...register("newPassword")}
          />
        </Field>
        <Field id={`${ID}-confirmPassword`} label="Confirm new password" error={errorOf("confirmPassword")}>
          <input
            id={`${ID}-confirmPassword`}
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX_LENGTH * 4}
            aria-invalid={Boolean(errorOf("confirmPassword"))}
            aria-describedby={describedBy(`${ID}-confirmPassword`, { error: errorOf("confirmPassword") })}
            {...register("confirmPassword")}
          />
        </Field>
        <p className="muted">Changing your password signs you out on every other device and browser.</p>
        <div className="actions">
          <button type="submit" className="button" disabled={pending || !hydrated}>
            {pending ? "Changing password…" : "Change password"}
          </button>
        </div>
      </form>
    </section>
  );
}
