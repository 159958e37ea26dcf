"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc-provider";
import { leaveEndedSession } from "@/components/auth/sign-out";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useErrorMessage } from "@/components/ui/api-errors";

export function SignOutEverywhere() {
  const trpc = useTRPC();
  const t = useTranslations("account.signOutEverywhere");
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const end = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: async () => {
        setSigningOut(true);
        await leaveEndedSession("/sign-in");
      },
      onError: (failure) => setError(errorMessage(failure)),
    }),
  );
  const pending = end.isPending || signingOut;

  return (
    <section className="card" aria-labelledby="sign-out-everywhere-title">
      <h2 id="sign-out-everywhere-title">{t("title")}</h2>
      <p>{t("text")}</p>
      {error ? (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      ) : null}
      <ConfirmButton
        title={t("confirmTitle")}
        message={<p>{t("confirmText")}</p>}
        confirmLabel={t("button")}
        disabled={pending}
        onConfirm={() => {
          setError(null);
          end.mutate();
        }}
      >
        {pending ? t("pending") : t("button")}
      </ConfirmButton>
    </section>
  );
}
