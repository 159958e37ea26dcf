"use client";

import { useTranslations } from "next-intl";

// Any other failure while rendering a page: a plain message and a reference, never the error's
// text (production builds replace it anyway; the digest matches the server's log line).
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("layout.error");
  const common = useTranslations("common");
  return (
    <section>
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          {common("tryAgain")}
        </button>
      </p>
      {error.digest ? <p>{t("reference", { digest: error.digest })}</p> : null}
    </section>
  );
}
