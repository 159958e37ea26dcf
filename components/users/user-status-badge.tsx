import { useTranslations } from "next-intl";

/** Active or deactivated, in words and with a symbol (never by colour alone). */
export function UserStatusBadge({ active }: { active: boolean }) {
  const t = useTranslations("users");
  return (
    <span className={`badge ${active ? "badge-user-active" : "badge-user-inactive"}`}>
      <span aria-hidden="true" className="badge-symbol">
        {active ? "✓" : "⊘"}
      </span>
      {active ? t("active") : t("deactivated")}
    </span>
  );
}
