"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc-provider";
import { toast } from "@/components/ui/toast";
import { LOCALES, LOCALE_COOKIE, LOCALE_NAMES, isLocale, type Locale } from "@/server/shared/locales";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Keeps the choice in this browser (the server reads the cookie on every request). */
function rememberInBrowser(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_S}; SameSite=Lax`;
}

/**
 * The interface language, each in its own name: choosing one switches the page at once (no
 * button). The choice is kept in a cookie and, for a signed-in user, in their profile, which wins
 * over the cookie, so it follows them to other browsers.
 */
export function LanguageSelect({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("layout");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [switching, startSwitch] = useTransition();
  const save = useMutation(trpc.account.setLanguage.mutationOptions());
  // The choice shows at once; the page's language follows when the refreshed page arrives.
  const [chosen, setChosen] = useState<Locale | null>(null);
  const busy = switching || save.isPending;

  async function choose(value: string) {
    if (!isLocale(value) || value === locale) return;
    setChosen(value);
    rememberInBrowser(value);
    if (signedIn) await save.mutateAsync({ locale: value }).catch(() => toast.error(t("languageNotSaved")));
    startSwitch(() => router.refresh());
  }

  return (
    <div className="language-select">
      <label htmlFor="language-select">{t("language")}</label>
      <select
        id="language-select"
        name="locale"
        value={busy ? (chosen ?? locale) : locale}
        aria-busy={busy || undefined}
        onChange={(event) => void choose(event.target.value)}
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
