import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPageActor } from "@/server/auth/page-session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/server/shared/callback-path";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getPageActor()) redirect(target);
  const t = await getTranslations("auth");
  return (
    <section className="narrow">
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <SignInForm callbackUrl={target} />
    </section>
  );
}
