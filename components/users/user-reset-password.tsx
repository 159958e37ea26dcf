"use client";

import { useId, useRef, useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { z } from "zod";
import { useTRPC } from "@/components/trpc-provider";
import { Field, describedBy } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { errorMessage, fieldErrors } from "@/components/ui/api-errors";
import { ZResetPasswordInput } from "@/server/schemas/users";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import type { UserSummary } from "@/components/users/user-detail";
import { summaryOf } from "@/components/users/user-form-parts";
import { useHydrated } from "@/components/users/use-hydrated";

const ZResetForm = z.object({ newPassword: ZResetPasswordInput.shape.newPassword });
type TResetForm = z.infer<typeof ZResetForm>;
const ID = "reset-password";

export function UserResetPassword({ user, self }: { user: UserSummary; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const dialogTitleId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TResetForm>({
    resolver: zodResolver(ZResetForm),
    shouldFocusError: false,
  });
  // No defaultValues: what was typed before hydration is kept rather than reset to "".
  const { register, handleSubmit, setError, getValues, reset, formState } = form;
  const hydrated = useHydrated();

  const resetPassword = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
        reset({ newPassword: "" });
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
        toast.success(
          `Password reset. ${updated.name} was signed out everywhere and must choose a new password at next sign-in.`,
        );
      },
      onError: (error) => {
        const byField = fieldErrors(error);
        if (byField.newPassword) {
          setError("newPassword", { type: "server", message: byField.newPassword });
          setFormError(null);
          return;
        }
        setFormError(errorMessage(error));
      },
    }),
  );

  function askToConfirm() {
    setFormError(null);
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

  const error = formState.errors.newPassword?.message ?? null;
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
        onSubmit={(event) => void handleSubmit(askToConfirm)(event)}
      >
        <ErrorSummary errors={summaryOf(formState.errors, ID, ["newPassword"])} />
        {formError ? (
          <div role="alert" className="alert alert-error">
            {formError}
          </div>
        ) : null}
        <Field
          id={`${ID}-newPassword`}
          label="New temporary password"
          error={error}
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters.`}
        >
          <input
            id={`${ID}-newPassword`}
            type="password"
            autoComplete="new-password"
            maxLength={PASSWORD_MAX_LENGTH * 4}
            aria-invalid={Boolean(error)}
            aria-describedby={describedBy(`${ID}-newPassword`, { error, hint: true })}
            {...register("newPassword")}
          />
        </Field>
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={pending || !hydrated}>
            {pending ? "Resetting…" : "Reset password"}
          </button>
        </div>
      </form>
      <dialog ref={dialog} className="dialog" aria-labelledby={dialogTitleId}>
        <h2 id={dialogTitleId}>Reset the password of {user.name}?</h2>
        <p>
          Their current password stops working and every session of {user.email} ends now. They must choose a new
          password after signing in with the temporary one.
        </p>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              dialog.current?.close();
              resetPassword.mutate({ id: user.id, newPassword: getValues("newPassword") });
            }}
          >
            Reset password
          </button>
        </div>
      </dialog>
    </section>
  );
}
