"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { signInWithPassword } from "@/components/auth/sign-in";
import { InputField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { errorMessage } from "@/components/ui/api-errors";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/shared/password-policy";
import { PASSWORD_INPUT_MAX, confirmPasswordProblem, currentPasswordProblem, newPasswordProblem } from "@/server/schemas/user-rules";
import { useHydrated } from "@/components/users/use-hydrated";

type TChangePasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

const ID = "change-password";
const IDS = { currentPassword: `${ID}-currentPassword`, newPassword: `${ID}-newPassword`, confirmPassword: `${ID}-confirmPassword` };
const EMPTY: TChangePasswordForm = { currentPassword: "", newPassword: "", confirmPassword: "" };

// The API's rules (user-rules.ts), checked without zod, and the confirmation.
function problemsOf(values: TChangePasswordForm) {
  return {
    currentPassword: currentPasswordProblem(values.currentPassword) ?? undefined,
    newPassword: newPasswordProblem(values.newPassword) ?? undefined,
    confirmPassword: confirmPasswordProblem(values.newPassword, values.confirmPassword) ?? undefined,
  };
}

/**
 * Changing the password ends every session, this one included; the form then signs in again with
 * the new password so that the user stays signed in on this device.
 */
export function ChangePasswordForm({ email, forced }: { email: string; forced: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  // What was typed before hydration is kept (useCheckedForm reads the controls once hydrated).
  const { values, summary, field, check, placeServerErrors, reset } = useCheckedForm({ initial: EMPTY, ids: IDS, problemsOf });
  const hydrated = useHydrated();

  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: async (_result, variables) => {
        reset(EMPTY);
        const error = await signInWithPassword(email, variables.newPassword).catch(() => "unreachable");
        if (error) {
          toast.success("Your password was changed. Sign in with your new password.");
          router.push("/sign-in");
          return;
        }
        toast.success("Your password was changed. Other devices and browsers were signed out.");
        if (forced) router.replace("/");
        else router.refresh();
      },
      onError: (error) => {
        setFormError(placeServerErrors(error) ? null : errorMessage(error));
      },
    }),
  );

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending || !check()) return;
    setFormError(null);
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  }

  const pending = change.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>Change password</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={summary} />
        {formError ? (
          <div role="alert" className="alert alert-error">
            {formError}
          </div>
        ) : null}
        <InputField
          label="Current password"
          type="password"
          autoComplete="current-password"
          maxLength={PASSWORD_INPUT_MAX}
          {...field("currentPassword")}
        />
        <InputField
          label="New password"
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, different from the current one. A long passphrase is easier to remember and harder to guess.`}
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_INPUT_MAX}
          {...field("newPassword")}
        />
        <InputField
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_INPUT_MAX}
          {...field("confirmPassword")}
        />
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
