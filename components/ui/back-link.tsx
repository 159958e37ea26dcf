import Link from "next/link";
import type { ReactNode } from "react";

/** The link above a page's heading back to the list it belongs to. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p>
      <Link href={href}>{children}</Link>
    </p>
  );
}
