import { redirect } from "next/navigation";
import { getPageActor } from "@/server/auth/page-session";
import { describeActor } from "@/server/services/account";

export default async function HomePage() {
  const actor = await getPageActor();
  if (!actor) redirect("/sign-in");
  const me = describeActor(actor)!;
  return (
    <section>
      <h1>Welcome, {me.name}</h1>
      <dl className="facts">
        <dt>Role</dt>
        <dd>{me.roleLabel}</dd>
        {me.stateName ? (
          <>
            <dt>State</dt>
            <dd>{me.stateName}</dd>
          </>
        ) : null}
        <dt>Email</dt>
        <dd>{me.email}</dd>
      </dl>
    </section>
  );
}
