/** Active or deactivated, in words and with a symbol (never by colour alone). */
export function UserStatusBadge({ active }: { active: boolean }) {
  return (
    <span className={`badge ${active ? "badge-user-active" : "badge-user-inactive"}`}>
      <span aria-hidden="true" className="badge-symbol">
        {active ? "✓" : "⊘"}
      </span>
      {active ? "Active" : "Deactivated"}
    </span>
  );
}
