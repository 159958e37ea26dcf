import type { ChangeEvent, ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Role, StateKind } from "@/prisma/generated/enums";
import { SelectField } from "@/components/ui/field";
import { FOCAL_POINT_STATE_MESSAGE } from "@/server/schemas/limits";
import { OptionGroups, useStateOptionGroups, type SelectOption } from "@/components/ui/filter-bar";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

/** A State as the user screens need it (from the States list of the page). */
export type StateOption = { id: string; name: string; iso2: string; kind: StateKind };

const ROLES: readonly Role[] = ["FOCAL_POINT", "ANALYST", "ADMIN"];

/** The roles as choices, named in the reader's language. */
export function useRoleOptions(): SelectOption[] {
  const labels = useReferenceLabels();
  return ROLES.map((role) => ({ value: role, label: labels.role(role) }));
}

export function isSecretariatRole(role: string | undefined): boolean {
  return role === "ADMIN" || role === "ANALYST";
}

/** The State <option>s, participating States first, then the Partners for Co-operation. */
export function StateOptions({ states }: { states: StateOption[] }) {
  return <OptionGroups groups={useStateOptionGroups(states, (state) => state.id)} />;
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
  const t = useTranslations("users");
  const common = useTranslations("common");
  const roleOptions = useRoleOptions();
  const secretariat = isSecretariatRole(role.value);
  return (
    <>
      <SelectField
        label={t("role")}
        hint={roleHint}
        {...role}
        onChange={(event) => onRoleChange(event.target.value, isSecretariatRole(event.target.value))}
      >
        {chooseRole ? <option value="">{t("chooseRole")}</option> : null}
        {roleOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("state")} hint={secretariat ? t("stateHintSecretariat") : t("stateHintFocal")} disabled={secretariat} {...stateId}>
        <option value="">{secretariat ? common("noneSecretariat") : t("chooseState")}</option>
        <StateOptions states={states} />
      </SelectField>
    </>
  );
}
