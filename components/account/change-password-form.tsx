"use client";

import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { signInWithPassword } from "@/components/auth/sign-in";
import { PASSWORD_LIMITS, PasswordField } from "@/components/ui/field";
import { FormAlerts } from "@/components/ui/form-alerts";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { PASSWORD_INPUT_MAX } from "@/server/shared/password-policy";
import { useHydrated } from "@/components/users/use-hydrated";
import { FormActions } from "@/components/ui/submit-button";

type TChangePasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

const ID = "change-password";
const IDS = { currentPassword: `${ID}-currentPassword`, newPassword: `${ID}-newPassword`, confirmPassword: `${ID}-confirmPassword` };
const EMPTY: TChangePasswordForm = { currentPassword: "", newPassword: "", confirmPassword: "" };

const input = ({ currentPassword, newPassword }: TChangePasswordForm) => ({ currentPassword, newPassword });

type Problem = "confirmMissing" | "tooLong" | "mismatch";

/** The form's own rule beyond the API's: the new password typed twice. */
function confirmationProblem({ newPassword, confirmPassword }: TChangePasswordForm): Problem | null {
  if (confirmPassword.length < 1) return "confirmMissing";
  if (confirmPassword.length > PASSWORD_INPUT_MAX) return "tooLong";
  return confirmPassword === newPassword ? null : "mismatch";
}

/**
 * Changing the password ends every session, this one included; the form then signs in again with
 * the new password so that the user stays signed in on this device.
 */
export function ChangePasswordForm({ email, forced }: { email: string; forced: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations("account.changePassword");
  const confirmation = (values: TChangePasswordForm) => {
    const problem = confirmationProblem(values);
    return problem ? { confirmPassword: t(problem) } : {};
  };
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
      toast.success(t("changedSignIn"));
      router.push("/sign-in");
      return;
    }
    toast.success(t("changed"));
    if (forced) router.replace("/");
    else router.refresh();
  }

  const pending = change.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>{t("title")}</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} />
        <PasswordField label={t("current")} autoComplete="current-password" {...field("currentPassword")} />
        <PasswordField label={t("new")} hint={t("newHint", PASSWORD_LIMITS)} {...field("newPassword")} />
        <PasswordField label={t("confirm")} {...field("confirmPassword")} />
        <p className="muted">{t("note")}</p>
        <FormActions busy={pending} busyLabel={t("submitting")} disabled={pending || !hydrated} submit={t("submit")} />
      </form>
    </section>
  );
}
