import type { ChangeEvent, ReactNode } from "react";
import type { Role, StateKind } from "@/prisma/generated/enums";
import { SelectField } from "@/components/ui/field";
import { OptionGroups, stateOptionGroups } from "@/components/ui/filter-bar";
import { FOCAL_POINT_STATE_MESSAGE, ROLE_MESSAGE } from "@/server/schemas/user-rules";

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
  return <OptionGroups groups={stateOptionGroups(states, (state) => state.id)} />;
}

/** The role and State rules of the user forms: a role is chosen, and a focal point has a State. */
export function roleAndStateProblems(values: { role: string; stateId: string }): { role?: string; stateId?: string } {
  if (!ROLE_OPTIONS.some((option) => option.value === values.role)) return { role: ROLE_MESSAGE };
  if (values.role === "FOCAL_POINT" && !values.stateId) return { stateId: FOCAL_POINT_STATE_MESSAGE };
  return {};
}

type SelectWiring = {
  id: string;
  name: string;
  value: string;
  error?: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
};

/**
 * The Role and State selects of the user forms. Secretariat staff are not bound to a State: choosing
 * such a role drops the State chosen before, and the State select is disabled.
 */
export function RoleAndStateFields({
  role,
  stateId,
  states,
  roleHint,
  chooseRole,
  onRoleChange,
}: {
  role: SelectWiring;
  stateId: SelectWiring;
  states: StateOption[];
  roleHint?: ReactNode;
  /** An empty first option, so that nobody gets a role by default. */
  chooseRole?: boolean;
  onRoleChange: (role: string, dropState: boolean) => void;
}) {
  const secretariat = isSecretariatRole(role.value);
  return (
    <>
      <SelectField
        label="Role"
        hint={roleHint}
        {...role}
        onChange={(event) => onRoleChange(event.target.value, isSecretariatRole(event.target.value))}
      >
        {chooseRole ? <option value="">Choose a role</option> : null}
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <SelectField label="State" hint={secretariat ? STATE_HINT_SECRETARIAT : STATE_HINT_FOCAL} disabled={secretariat} {...stateId}>
        <option value="">{secretariat ? "None (secretariat)" : "Choose a State"}</option>
        <StateOptions states={states} />
      </SelectField>
    </>
  );
}
