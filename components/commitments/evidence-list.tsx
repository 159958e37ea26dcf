import { useTranslations } from "next-intl";

/** Evidence links of an update; they open in a new tab, without passing this page along. */
export function EvidenceList({ links }: { links: { title: string; url: string; isPublic: boolean }[] }) {
  const t = useTranslations("commitments.evidence");
  if (links.length === 0) return null;
  return (
    <ul className="evidence-list">
      {links.map((link) => (
        <li key={link.url + link.title}>
          <a href={link.url} rel="noopener noreferrer nofollow" target="_blank">
            {link.title}
          </a>{" "}
          <span className="muted">({link.isPublic ? t("public") : t("internal")})</span>
        </li>
      ))}
    </ul>
  );
}
