import Link from "next/link";
import type { ActorSummary } from "@/server/services/account";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SiteNav, type NavItem } from "@/components/layout/site-nav";
import type { Role } from "@/prisma/generated/enums";

function navFor(role: Role): NavItem[] {
  if (role === "FOCAL_POINT") return [{ href: "/commitments", label: "Commitments" }, { href: "/reports", label: "Reports" }];
  const secretariat = [
    { href: "/review", label: "Review queue" },
    { href: "/commitments", label: "Commitments" },
    { href: "/recommendations", label: "Recommendations" },
    { href: "/reports", label: "Reports" },
  ];
  return role === "ADMIN" ? [...secretariat, { href: "/admin/users", label: "Users" }] : secretariat;
}

/** The header on every page: product name, who is signed in (role and State), sign-out. */
export function SiteHeader({ me }: { me: ActorSummary | null }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        Commitment Tracker
      </Link>
      <SiteNav items={me ? navFor(me.role) : [{ href: "/reports", label: "Reports" }]} />
      {me ? (
        <div className="whoami" aria-label="Signed-in user">
          <span className="whoami-name" data-testid="user-name">
            {me.name}
          </span>
          <span className="whoami-role" data-testid="user-role">
            {me.roleLabel}
          </span>
          {me.stateName ? (
            <span className="whoami-state" data-testid="user-state">
              {me.stateName}
            </span>
          ) : null}
          <Link href="/account">Account</Link>
          <SignOutButton />
        </div>
      ) : (
        <Link href="/sign-in" className="button button-secondary">
          Sign in
        </Link>
      )}
    </header>
  );
}
