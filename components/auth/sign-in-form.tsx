"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { signInWithPassword } from "@/components/auth/sign-in";
import { SIGN_IN_UNAVAILABLE_ERROR, signInErrorKey } from "@/server/shared/sign-in-errors";
import { SubmitButton } from "@/components/ui/submit-button";

type Refusal = ReturnType<typeof signInErrorKey>;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const errors = useTranslations("errors");
  const [error, setError] = useState<Refusal | null>(null);
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
        setError(signInErrorKey(refused));
        setPending(false);
        return;
      }
      // A full navigation, so that every server component renders with the new session.
      window.location.assign(callbackUrl);
    } catch {
      setError(signInErrorKey(SIGN_IN_UNAVAILABLE_ERROR));
      setPending(false);
    }
  }

  return (
    <form className="stack" method="post" onSubmit={onSubmit} noValidate>
      {error ? (
        <div role="alert" className="alert alert-error">
          {errors(error)}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required maxLength={254} />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required maxLength={512} />
      </div>
      <SubmitButton busy={pending} busyLabel={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
