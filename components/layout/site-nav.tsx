"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

export type NavItem = { href: string; label: string };

/** The main navigation for the signed-in role, marking the current section. */
export function SiteNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations("layout.nav");
  return (
    <nav className="site-nav" aria-label={t("label")}>
      <ul>
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
