import type { Metadata } from "next";
import { loadAccount } from "@/server/api/page-loaders";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import "@/app/users.css";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ mustChange?: string | string[] }> }) {
  const me = await loadAccount("/account");
  const { mustChange } = await searchParams;
  // The database says whether a change is required; the query parameter only says where they came from.
  const forced = me.mustChangePassword;
  return (
    <section>
      {forced ? (
        <div role="alert" className="alert alert-warning account-forced">
          Your password was reset by an administrator. Choose a new password to continue.
        </div>
      ) : null}
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{me.name}</dd>
        <dt>Email</dt>
        <dd className="users-email">{me.email}</dd>
        <dt>Role</dt>
        <dd>{me.roleLabel}</dd>
        <dt>State</dt>
        <dd>{me.stateName ?? "None (secretariat)"}</dd>
      </dl>
      <div className="account-sections">
        <ChangePasswordForm email={me.email} forced={forced || mustChange === "1"} />
        <SignOutEverywhere />
      </div>
    </section>
  );
}
