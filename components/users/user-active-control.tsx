"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { errorMessage } from "@/components/ui/api-errors";
import type { UserSummary } from "@/components/users/user-detail";

export function UserActiveControl({ user, self }: { user: UserSummary; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);

  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (updated) => {
        setRefusal(null);
        queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
        toast.success(
          updated.active
            ? `${updated.name} was reactivated and can sign in again.`
            : `${updated.name} was deactivated and signed out everywhere.`,
        );
      },
      // Refusals (the last administrator, one's own account) stay on screen, not only in a toast.
      onError: (error) => setRefusal(errorMessage(error)),
    }),
  );
  const pending = setActive.isPending;

  return (
    <section className="card" aria-labelledby="account-status-title">
      <h2 id="account-status-title">Account status</h2>
      {refusal ? (
        <div role="alert" className="alert alert-error users-refusal">
          {refusal}
        </div>
      ) : null}
      {user.active ? (
        self ? (
          <p>You cannot deactivate your own account. Another administrator can do it.</p>
        ) : (
          <>
            <p>Deactivating ends every session of {user.name} at once and stops them signing in. Their history stays.</p>
            <ConfirmButton
              title={`Deactivate ${user.name}?`}
              message={
                <p>
                  {user.email} is signed out everywhere and can no longer sign in. You can reactivate the account
                  later.
                </p>
              }
              confirmLabel="Deactivate"
              disabled={pending}
              onConfirm={() => setActive.mutate({ id: user.id, active: false })}
            >
              {pending ? "Deactivating…" : "Deactivate"}
            </ConfirmButton>
          </>
        )
      ) : (
        <>
          <p>This account is deactivated: {user.name} cannot sign in.</p>
          <button type="button" className="button" disabled={pending} onClick={() => setActive.mutate({ id: user.id, active: true })}>
            {pending ? "Reactivating…" : "Reactivate"}
          </button>
        </>
      )}
    </section>
  );
}
