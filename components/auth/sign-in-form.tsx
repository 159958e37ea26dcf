"use client";

import { useState, type FormEvent } from "react";
import { signInWithPassword } from "@/components/auth/sign-in";
import { ACCOUNT_LOCKED_ERROR, SIGN_IN_UNAVAILABLE_ERROR } from "@/server/shared/sign-in-errors";
import { SubmitButton } from "@/components/ui/submit-button";

const GENERIC_ERROR = "The email or password is not correct.";
const LOCKED_ERROR =
  "Too many failed sign-in attempts. Sign-in for this account is blocked for 15 minutes. Try again later.";
const UNAVAILABLE_ERROR = "Sign-in is not available right now. Try again in a moment.";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const refused = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
      if (refused) {
        // Only the app's own codes are shown; anything else is the generic refusal.
        setError(refused === ACCOUNT_LOCKED_ERROR ? LOCKED_ERROR : refused === SIGN_IN_UNAVAILABLE_ERROR ? UNAVAILABLE_ERROR : GENERIC_ERROR);
        setPending(false);
        return;
      }
      // A full navigation, so that every server component renders with the new session.
      window.location.assign(callbackUrl);
    } catch {
      setError(UNAVAILABLE_ERROR);
      setPending(false);
    }
  }

  return (
    <form className="stack" method="post" onSubmit={onSubmit} noValidate>
      {error ? (
        <div role="alert" className="alert alert-error">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={512} />
      </div>
      <SubmitButton busy={pending} busyLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}
