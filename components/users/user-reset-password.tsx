"use client";

import { useRef } from "react";
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-button";
import { PASSWORD_LIMITS, PasswordField } from "@/components/ui/field";
import { FormAlerts } from "@/components/ui/form-alerts";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { UserSummary } from "@/components/users/user-detail";
import { useHydrated } from "@/components/users/use-hydrated";
import { FormActions } from "@/components/ui/submit-button";

const ID = "reset-password";
const IDS = { newPassword: `${ID}-newPassword` };
const EMPTY = { newPassword: "" };


export function UserResetPassword({ user, self }: { user: UserSummary; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const t = useTranslations("users.reset");
  const input = (values: typeof EMPTY) => ({ id: user.id, newPassword: values.newPassword });
  // What was typed before hydration is kept (useCheckedForm reads the control once hydrated).
  const form = useCheckedForm({ initial: EMPTY, ids: IDS, schema: () => import("@/server/schemas/users").then((module) => module.ZResetPasswordInput), input });
  const { values, field, check, reset } = form;
  const hydrated = useHydrated();
  const resetPassword = useMutation(trpc.users.resetPassword.mutationOptions());

  async function confirmed() {
    const sent = await form.submit(async () => {
      const updated = await resetPassword.mutateAsync(input(values));
      queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
      toast.success(t("done", { name: updated.name }));
    });
    if (sent === "sent") {
      reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
    }
  }

  function askToConfirm() {
    form.setFormError(null);
    dialog.current?.showModal();
  }

  if (self) {
    return (
      <section className="card" aria-labelledby={`${ID}-title`}>
        <h2 id={`${ID}-title`}>{t("selfTitle")}</h2>
        <p>{t.rich("self", { link: (chunks) => <Link href="/account">{chunks}</Link> })}</p>
      </section>
    );
  }

  const pending = resetPassword.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>{t("title")}</h2>
      <p className="muted">{t("text", { name: user.name })}</p>
      <form
        className="stack"
        method="post"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void check().then((valid) => valid && askToConfirm());
        }}
      >
        <FormAlerts form={form} />
        <PasswordField label={t("newPassword")} hint={t("newPasswordHint", PASSWORD_LIMITS)} {...field("newPassword")} />
        <FormActions className="button button-danger" busy={pending} busyLabel={t("submitting")} disabled={pending || !hydrated} submit={t("submit")} />
      </form>
      <ConfirmDialog dialogRef={dialog} title={t("confirmTitle", { name: user.name })} confirmLabel={t("submit")} onConfirm={() => void confirmed()}>
        <p>{t("confirmText", { email: user.email })}</p>
      </ConfirmDialog>
    </section>
  );
}
