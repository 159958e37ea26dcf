"use client";

import { useId, useRef, useState } from "react";
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { InputField } from "@/components/ui/field";
import { ErrorSummary } from "@/components/ui/error-summary";
import { errorMessage } from "@/components/ui/api-errors";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/shared/password-policy";
import { PASSWORD_INPUT_MAX, newPasswordProblem } from "@/server/schemas/user-rules";
import type { UserSummary } from "@/components/users/user-detail";
import { useHydrated } from "@/components/users/use-hydrated";

const ID = "reset-password";
const IDS = { newPassword: `${ID}-newPassword` };
const EMPTY = { newPassword: "" };

// The API's rule (user-rules.ts), checked without zod.
function problemsOf(values: typeof EMPTY) {
  return { newPassword: newPasswordProblem(values.newPassword) ?? undefined };
}

export function UserResetPassword({ user, self }: { user: UserSummary; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const dialogTitleId = useId();
  const [formError, setFormError] = useState<string | null>(null);
  // What was typed before hydration is kept (useCheckedForm reads the control once hydrated).
  const { values, summary, field, check, placeServerErrors, reset } = useCheckedForm({ initial: EMPTY, ids: IDS, problemsOf });
  const hydrated = useHydrated();

  const resetPassword = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
        reset(EMPTY);
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
        toast.success(
          `Password reset. ${updated.name} was signed out everywhere and must choose a new password at next sign-in.`,
        );
      },
      onError: (error) => {
        setFormError(placeServerErrors(error) ? null : errorMessage(error));
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
          if (check()) askToConfirm();
        }}
      >
        <ErrorSummary errors={summary} />
        {formError ? (
          <div role="alert" className="alert alert-error">
            {formError}
          </div>
        ) : null}
        <InputField
          label="New temporary password"
          hint={`${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters.`}
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_INPUT_MAX}
          {...field("newPassword")}
        />
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
              resetPassword.mutate({ id: user.id, newPassword: values.newPassword });
            }}
          >
            Reset password
          </button>
        </div>
      </dialog>
    </section>
  );
}
