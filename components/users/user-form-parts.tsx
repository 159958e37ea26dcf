import type { FieldErrors, FieldValues } from "react-hook-form";
import type { Role, StateKind } from "@/prisma/generated/enums";
import type { SummaryError } from "@/components/ui/error-summary";

/** A State as the user screens need it (from the States list of the page). */
export type StateOption = { id: string; name: string; iso2: string; kind: StateKind };

/** Users per page of the administration list. */
export const USERS_PAGE_SIZE = 25;

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "FOCAL_POINT", label: "Focal point" },
  { value: "ANALYST", label: "Secretariat analyst" },
  { value: "ADMIN", label: "Administrator" },
];

export function roleLabel(role: Role): string {
  return ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
}

export function isSecretariatRole(role: string | undefined): boolean {
  return role === "ADMIN" || role === "ANALYST";
}

export const STATE_HINT_FOCAL = "Required for focal points: they see and report for this State only.";
export const STATE_HINT_SECRETARIAT = "Administrators and analysts work for the secretariat and are not bound to a State.";

/** The State <option>s, participating States first, then the Partners for Co-operation. */
export function StateOptions({ states }: { states: StateOption[] }) {
  const participating = states.filter((state) => state.kind === "PARTICIPATING");
  const partners = states.filter((state) => state.kind === "PARTNER");
  return (
    <>
      <optgroup label="Participating States">
        {participating.map((state) => (
          <option key={state.id} value={state.id}>
            {state.name}
          </option>
        ))}
      </optgroup>
      {partners.length > 0 ? (
        <optgroup label="Partners for Co-operation">
          {partners.map((state) => (
            <option key={state.id} value={state.id}>
              {state.name}
            </option>
          ))}
        </optgroup>
      ) : null}
    </>
  );
}

/**
 * The entries of an ErrorSummary for a react-hook-form form, in the order of its fields. Each
 * field's control has the id `${idPrefix}-${field}`.
 */
export function summaryOf<T extends FieldValues>(errors: FieldErrors<T>, idPrefix: string, order: string[]): SummaryError[] {
  const result: SummaryError[] = [];
  for (const field of order) {
    const message = errors[field]?.message;
    if (typeof message === "string" && message) result.push({ fieldId: `${idPrefix}-${field}`, message });
  }
  return result;
}
