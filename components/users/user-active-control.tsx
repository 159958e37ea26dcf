"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useErrorMessage } from "@/components/ui/api-errors";
import type { UserSummary } from "@/components/users/user-detail";

export function UserActiveControl({ user, self }: { user: UserSummary; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const t = useTranslations("users.activity");
  const errorMessage = useErrorMessage();

  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (updated) => {
        setRefusal(null);
        queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
        toast.success(
          updated.active ? t("reactivated", { name: updated.name }) : t("deactivatedDone", { name: updated.name }),
        );
      },
      // Refusals (the last administrator, one's own account) stay on screen, not only in a toast.
      onError: (error) => setRefusal(errorMessage(error)),
    }),
  );
  const pending = setActive.isPending;

  return (
    <section className="card" aria-labelledby="account-status-title">
      <h2 id="account-status-title">{t("title")}</h2>
      {refusal ? (
        <div role="alert" className="alert alert-error users-refusal">
          {refusal}
        </div>
      ) : null}
      {user.active ? (
        self ? (
          <p>{t("self")}</p>
        ) : (
          <>
            <p>{t("text", { name: user.name })}</p>
            <ConfirmButton
              title={t("confirmTitle", { name: user.name })}
              message={<p>{t("confirmText", { email: user.email })}</p>}
              confirmLabel={t("deactivate")}
              disabled={pending}
              onConfirm={() => setActive.mutate({ id: user.id, active: false })}
            >
              {pending ? t("deactivating") : t("deactivate")}
            </ConfirmButton>
          </>
        )
      ) : (
        <>
          <p>{t("inactive", { name: user.name })}</p>
          <button type="button" className="button" disabled={pending} onClick={() => setActive.mutate({ id: user.id, active: true })}>
            {pending ? t("reactivating") : t("reactivate")}
          </button>
        </>
      )}
    </section>
  );
}
