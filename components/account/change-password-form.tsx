"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { signInWithPassword } from "@/components/auth/sign-in";
import { PasswordField } from "@/components/ui/field";
import { FormAlerts } from "@/components/ui/form-alerts";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { PASSWORD_INPUT_MAX } from "@/server/shared/password-policy";
import { useHydrated } from "@/components/users/use-hydrated";
import { SubmitButton } from "@/components/ui/submit-button";

type TChangePasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

const ID = "change-password";
const IDS = { currentPassword: `${ID}-currentPassword`, newPassword: `${ID}-newPassword`, confirmPassword: `${ID}-confirmPassword` };
const EMPTY: TChangePasswordForm = { currentPassword: "", newPassword: "", confirmPassword: "" };

const input = ({ currentPassword, newPassword }: TChangePasswordForm) => ({ currentPassword, newPassword });

/** The form's own rule beyond the API's: the new password typed twice. */
function confirmation({ newPassword, confirmPassword }: TChangePasswordForm) {
  if (confirmPassword.length < 1) return { confirmPassword: "Enter the new password again" };
  if (confirmPassword.length > PASSWORD_INPUT_MAX) return { confirmPassword: "Password is too long" };
  return confirmPassword === newPassword ? {} : { confirmPassword: "The two new passwords do not match" };
}

/**
 * Changing the password ends every session, this one included; the form then signs in again with
 * the new password so that the user stays signed in on this device.
 */
export function ChangePasswordForm({ email, forced }: { email: string; forced: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  // What was typed before hydration is kept (useCheckedForm reads the controls once hydrated).
  const form = useCheckedForm({ initial: EMPTY, ids: IDS, schema: () => import("@/server/schemas/users").then((module) => module.ZChangePasswordInput), input, refine: confirmation });
  const { values, field, reset } = form;
  const hydrated = useHydrated();

  const change = useMutation(trpc.account.changePassword.mutationOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const { newPassword } = values;
    if ((await form.submit(() => change.mutateAsync(input(values)))) !== "sent") return;
    reset(EMPTY);
    const error = await signInWithPassword(email, newPassword).catch(() => "unreachable");
    if (error) {
      toast.success("Your password was changed. Sign in with your new password.");
      router.push("/sign-in");
      return;
    }
    toast.success("Your password was changed. Other devices and browsers were signed out.");
    if (forced) router.replace("/");
    else router.refresh();
  }

  const pending = change.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>Change password</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} />
        <PasswordField label="Current password" autoComplete="current-password" {...field("currentPassword")} />
        <PasswordField
          label="New password"
          policy=", different from the current one. A long passphrase is easier to remember and harder to guess."
          {...field("newPassword")}
        />
        <PasswordField label="Confirm new password" {...field("confirmPassword")} />
        <p className="muted">Changing your password signs you out on every other device and browser.</p>
        <div className="actions">
          <SubmitButton busy={pending} busyLabel="Changing password…" disabled={pending || !hydrated}>
            Change password
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
