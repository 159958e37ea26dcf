"use client";

import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { useTRPC } from "@/components/trpc-provider";
import { leaveEndedSession } from "@/components/auth/sign-out";
import { InputField } from "@/components/ui/field";
import { FormAlerts, type ConflictWording } from "@/components/ui/form-alerts";
import { useErrorMessage } from "@/components/ui/api-errors";
import { useCheckedForm } from "@/components/ui/use-checked-form";
import type { Role } from "@/prisma/generated/enums";
import { USER_NAME_MAX } from "@/server/schemas/limits";
import type { UserSummary } from "@/components/users/user-detail";
import { RoleAndStateFields, focalPointState, type StateOption } from "@/components/users/user-form-parts";
import { useHydrated } from "@/components/users/use-hydrated";
import { FormActions } from "@/components/ui/submit-button";

type TEditUserForm = { name: string; role: string; stateId: string };

const ID = "edit-user";
const IDS = { name: `${ID}-name`, role: `${ID}-role`, stateId: `${ID}-stateId` };

function valuesOf(user: UserSummary): TEditUserForm {
  return { name: user.name, role: user.role, stateId: user.state?.id ?? "" };
}

export function UserEditForm({ user, states, self }: { user: UserSummary; states: StateOption[]; self: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reloading, setReloading] = useState(false);
  const t = useTranslations("users.edit");
  const errorMessage = useErrorMessage();
  const users = useTranslations("users");
  const conflict: ConflictWording = { what: t("conflictWhat"), someone: t("conflictSomeone"), detail: t("conflictDetail") };
  const input = (values: TEditUserForm) => ({
    id: user.id,
    expectedUpdatedAt: user.updatedAt,
    name: values.name,
    role: values.role as Role,
    stateId: values.role === "FOCAL_POINT" ? values.stateId || null : null,
  });
  // What was typed before hydration is kept (useCheckedForm reads the controls once hydrated).
  const form = useCheckedForm({ initial: valuesOf(user), ids: IDS, schema: () => import("@/server/schemas/users").then((module) => module.ZUpdateUserInput), input, refine: focalPointState });
  const { values, field, change, reset } = form;
  const hydrated = useHydrated();
  const update = useMutation(trpc.users.update.mutationOptions());

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    let updated: UserSummary | undefined;
    const sent = await form.submit(async () => {
      updated = await update.mutateAsync(input(values));
    });
    if (sent !== "sent" || !updated) return;
    queryClient.setQueryData(trpc.users.get.queryKey({ id: updated.id }), updated);
    reset(valuesOf(updated));
    await queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
    const accessChanged = updated.role !== user.role || (updated.state?.id ?? null) !== (user.state?.id ?? null);
    if (self && accessChanged) {
      // Changing one's own role or State ends one's own sessions too: sign in again.
      await leaveEndedSession("/sign-in");
      return;
    }
    toast.success(
      accessChanged ? t("savedSignedOut", { name: updated.name }) : t("saved"),
    );
  }

  async function reload() {
    setReloading(true);
    try {
      const fresh = await queryClient.fetchQuery(trpc.users.get.queryOptions({ id: user.id }, { staleTime: 0 }));
      reset(valuesOf(fresh));
    } catch (error) {
      form.setFormError(errorMessage(error));
    } finally {
      setReloading(false);
    }
  }

  const saving = update.isPending;

  return (
    <section className="card" aria-labelledby={`${ID}-title`}>
      <h2 id={`${ID}-title`}>{t("title")}</h2>
      <form className="stack" method="post" onSubmit={onSubmit} noValidate>
        <FormAlerts form={form} conflict={conflict} onReload={reload} />
        <InputField label={users("name")} type="text" autoComplete="off" maxLength={USER_NAME_MAX} {...field("name")} />
        <RoleAndStateFields
          role={field("role")}
          stateId={field("stateId")}
          states={states}
          roleHint={self ? t("roleHintSelf") : t("roleHintOther")}
          onRoleChange={(role, dropState) => change(dropState ? { role, stateId: "" } : { role })}
        />
        <FormActions busy={saving} busyLabel={t("submitting")} disabled={saving || reloading || !hydrated} submit={t("submit")} />
      </form>
    </section>
  );
}
