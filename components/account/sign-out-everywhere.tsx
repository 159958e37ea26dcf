"use client";

import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { leaveEndedSession } from "@/components/auth/sign-out";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { errorMessage } from "@/components/ui/api-errors";

export function SignOutEverywhere() {
  const trpc = useTRPC();
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
      <h2 id="sign-out-everywhere-title">Sign out everywhere</h2>
      <p>
        Ends every session of your account: on this device and on any other computer, phone or browser where you are
        signed in. Use it if you signed in on a shared computer or think someone else used your account.
      </p>
      {error ? (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      ) : null}
      <ConfirmButton
        title="Sign out everywhere?"
        message={<p>Every session of your account ends now, this one included. You will need to sign in again.</p>}
        confirmLabel="Sign out everywhere"
        disabled={pending}
        onConfirm={() => {
          setError(null);
          end.mutate();
        }}
      >
        {pending ? "Signing out…" : "Sign out everywhere"}
      </ConfirmButton>
    </section>
  );
}
