import type { Metadata } from "next";
import { requirePageActor } from "@/server/auth/page-session";
import { describeActor } from "@/server/services/account";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const me = describeActor(await requirePageActor("/account"))!;
  return (
    <section>
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{me.name}</dd>
        <dt>Email</dt>
        <dd>{me.email}</dd>
        <dt>Role</dt>
        <dd>{me.roleLabel}</dd>
        <dt>State</dt>
        <dd>{me.stateName ?? "None (secretariat)"}</dd>
      </dl>
    </section>
  );
}
