"use client";

import { useEffect, useRef } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { InputField, PASSWORD_LIMITS, PasswordField } from "@/components/ui/field";
import { FormAlerts } from "@/components/ui/form-alerts";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { Role } from "@/prisma/generated/enums";
import { EMAIL_MAX, USER_NAME_MAX } from "@/server/schemas/limits";
import { RoleAndStateFields, focalPointState, type StateOption } from "@/components/users/user-form-parts";
import { FormActions } from "@/components/ui/submit-button";

// The select starts empty so that nobody gets a role by default.
type TNewUserForm = { name: string; email: string; role: string; stateId: string; password: string };

const EMPTY: TNewUserForm = { name: "", email: "", role: "", stateId: "", password: "" };
const ID = "new-user";
const IDS = { name: `${ID}-name`, email: `${ID}-email`, role: `${ID}-role`, stateId: `${ID}-stateId`, password: `${ID}-password` };

function input(values: TNewUserForm) {
  return {
    name: values.name,
    email: values.email,
    role: values.role as Role,
    stateId: values.role === "FOCAL_POINT" ? values.stateId || null : null,
    password: values.password,
    mustChangePassword: true,
  };
}

export function NewUserForm({ states, onDone }: { states: StateOption[]; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const t = useTranslations("users");
  const common = useTranslations("common");
  const form = useCheckedForm({ initial: EMPTY, ids: IDS, schema: () => import("@/server/schemas/users").then((module) => module.ZCreateUserInput), input, refine: focalPointState });
  const { values, field, change } = form;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const create = useMutation(trpc.users.create.mutationOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const sent = await form.submit(async () => {
      const user = await create.mutateAsync(input(values));
      toast.success(t("create.done", { name: user.name }));
    });
    if (sent !== "sent") return;
    await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
    onDone();
  }

  const saving = create.isPending;

  return (
    <section className="card users-new" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`} ref={headingRef} tabIndex={-1}>
        {t("create.title")}
      </h2>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} />
        <InputField label={t("name")} type="text" autoComplete="off" maxLength={USER_NAME_MAX} {...field("name")} />
        <InputField label={t("email")} type="email" autoComplete="off" maxLength={EMAIL_MAX} {...field("email")} />
        <RoleAndStateFields
          role={field("role")}
          stateId={field("stateId")}
          states={states}
          chooseRole
          onRoleChange={(role, dropState) => change(dropState ? { role, stateId: "" } : { role })}
        />
        <PasswordField label={t("create.initialPassword")} hint={t("create.initialPasswordHint", PASSWORD_LIMITS)} {...field("password")} />
        <FormActions busy={saving} busyLabel={t("create.submitting")} submit={t("create.submit")}>
          <button type="button" className="button button-secondary" onClick={onDone} disabled={saving}>
            {common("cancel")}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
