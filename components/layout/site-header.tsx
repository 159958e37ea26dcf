import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActorSummary } from "@/server/services/account";
import { LanguageSelect } from "@/components/layout/language-select";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SiteNav, type NavItem } from "@/components/layout/site-nav";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { Role } from "@/prisma/generated/enums";

type NavKey = "commitments" | "reports" | "review" | "recommendations" | "users" | "audit";

function navFor(role: Role | null): { href: string; key: NavKey }[] {
  if (role === null) return [{ href: "/reports", key: "reports" }];
  if (role === "FOCAL_POINT") return [{ href: "/commitments", key: "commitments" }, { href: "/reports", key: "reports" }];
  const secretariat = [
    { href: "/review", key: "review" },
    { href: "/commitments", key: "commitments" },
    { href: "/recommendations", key: "recommendations" },
    { href: "/reports", key: "reports" },
  ] as const;
  return role === "ADMIN" ? [...secretariat, { href: "/admin/users", key: "users" }, { href: "/admin/audit", key: "audit" }] : [...secretariat];
}

/** The administrators' settings screens, after the rest of the navigation (their labels are in the settings catalog). */
const SETTINGS_NAV = [
  { href: "/admin/scales", key: "scales" },
  { href: "/admin/themes", key: "themes" },
] as const;

/** The header on every page: product name, who is signed in (role and State), the language, sign-out. */
export function SiteHeader({ me }: { me: ActorSummary | null }) {
  const t = useTranslations("layout");
  const labels = useReferenceLabels();
  const settings = useTranslations("settings.nav");
  const items: NavItem[] = [
    ...navFor(me?.role ?? null).map(({ href, key }) => ({ href, label: t(`nav.${key}`) })),
    ...(me?.role === "ADMIN" ? SETTINGS_NAV.map(({ href, key }) => ({ href, label: settings(key) })) : []),
  ];
  return (
    <header className="site-header">
      <Link href="/" className="brand">
        {t("productName")}
      </Link>
      <SiteNav items={items} />
      <LanguageSelect signedIn={me !== null} />
      {me ? (
        <div className="whoami" aria-label={t("signedInUser")}>
          <span className="whoami-name" data-testid="user-name">
            {me.name}
          </span>
          <span className="whoami-role" data-testid="user-role">
            {labels.role(me.role)}
          </span>
          {me.stateName && me.stateIso2 ? (
            <span className="whoami-state" data-testid="user-state">
              {labels.state({ iso2: me.stateIso2, name: me.stateName })}
            </span>
          ) : null}
          <Link href="/account">{t("account")}</Link>
          <SignOutButton />
        </div>
      ) : (
        <Link href="/sign-in" className="button button-secondary">
          {t("signIn")}
        </Link>
      )}
    </header>
  );
}
