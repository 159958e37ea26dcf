import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getPageActor } from "@/server/auth/page-session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/server/shared/callback-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getPageActor()) redirect(target);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <p className="muted">For focal points of participating States and secretariat staff.</p>
      <SignInForm callbackUrl={target} />
    </section>
  );
}
