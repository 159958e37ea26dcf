import type { ChangeEvent, ReactNode } from "react";
import type { Role, StateKind } from "@/prisma/generated/enums";
import { SelectField } from "@/components/ui/field";
import { ROLE_LABELS } from "@/server/shared/roles";
import { FOCAL_POINT_STATE_MESSAGE } from "@/server/schemas/limits";
import { OptionGroups, stateOptionGroups } from "@/components/ui/filter-bar";

/** A State as the user screens need it (from the States list of the page). */
export type StateOption = { id: string; name: string; iso2: string; kind: StateKind };

/** Users per page of the administration list. */
export const USERS_PAGE_SIZE = 25;

export const ROLE_OPTIONS: { value: Role; label: string }[] = (["FOCAL_POINT", "ANALYST", "ADMIN"] as const).map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
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

/** The user forms' rule beyond the schema's (which the service checks too): a focal point has a State. */
export function focalPointState(values: { role: string; stateId: string }): { stateId?: string } {
  return values.role === "FOCAL_POINT" && !values.stateId ? { stateId: FOCAL_POINT_STATE_MESSAGE } : {};
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
