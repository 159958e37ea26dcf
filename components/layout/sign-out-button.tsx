"use client";

import { useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { SIGN_OUT_ACTION, fetchCsrfToken } from "@/components/auth/sign-out";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * A plain form POST to next-auth's sign-out endpoint. Before it is sent, the CSRF token is
 * fetched into the form. (Sent without one, before the page is interactive, next-auth answers
 * with its own sign-out confirmation page instead of signing out.)
 */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const token = useRef<HTMLInputElement>(null);
  const t = useTranslations("layout");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    try {
      token.current!.value = await fetchCsrfToken();
      // Not requestSubmit(): this handler must not run again.
      form.submit();
    } catch {
      setPending(false);
    }
  }

  return (
    <form method="post" action={SIGN_OUT_ACTION} onSubmit={(event) => void onSubmit(event)}>
      <input ref={token} type="hidden" name="csrfToken" defaultValue="" />
      <input type="hidden" name="callbackUrl" value="/sign-in" />
      <SubmitButton className="button button-secondary" busy={pending} busyLabel={t("signingOut")}>
        {t("signOut")}
      </SubmitButton>
    </form>
  );
}
