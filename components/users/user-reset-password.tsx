"use client";

import { useRef } from "react";
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-button";
import { PasswordField } from "@/components/ui/field";
import { FormAlerts } from "@/components/ui/form-alerts";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { UserSummary } from "@/components/users/user-detail";
import { useHydrated } from "@/components/users/use-hydrated";
import { SubmitButton } from "@/components/ui/submit-button";

const ID = "reset-password";
const IDS = { newPassword: `${ID}-newPassword` };
const EMPTY = { newPassword: "" };


export function UserResetPassword({ user, self }: { user: UserSummary; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
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
      toast.success(`Password reset. ${updated.name} was signed out everywhere and must choose a new password at next sign-in.`);
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
        <h2 id={`${ID}-title`}>Password</h2>
        <p>
          Administrators cannot reset their own password here. Change it on <Link href="/account">your account page</Link>.
        </p>
      </section>
    );
  }

  const pending = resetPassword.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>Reset password</h2>
      <p className="muted">
        Set a temporary password and give it to {user.name} by a safe channel. They are signed out everywhere and
        must choose their own password when they next sign in. A sign-in lock after failed attempts is lifted.
      </p>
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
        <PasswordField label="New temporary password" policy="." {...field("newPassword")} />
        <div className="actions">
          <SubmitButton className="button button-danger" busy={pending} busyLabel="Resetting…" disabled={pending || !hydrated}>
            Reset password
          </SubmitButton>
        </div>
      </form>
      <ConfirmDialog dialogRef={dialog} title={`Reset the password of ${user.name}?`} confirmLabel="Reset password" onConfirm={() => void confirmed()}>
        <p>
          Their current password stops working and every session of {user.email} ends now. They must choose a new
          password after signing in with the temporary one.
        </p>
      </ConfirmDialog>
    </section>
  );
}
