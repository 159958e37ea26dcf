"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/trpc-provider";
import { DateTime } from "@/components/ui/dates";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { UserEditForm } from "@/components/users/user-edit-form";
import { UserResetPassword } from "@/components/users/user-reset-password";
import { UserActiveControl } from "@/components/users/user-active-control";
import type { StateOption } from "@/components/users/user-form-parts";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { HistoryLink } from "@/components/history/history-link";

export type UserSummary = inferRouterOutputs<AppRouter>["users"]["get"];

export function UserDetail({
  initialUser,
  states,
  currentUserId,
}: {
  initialUser: UserSummary;
  states: StateOption[];
  currentUserId: string;
}) {
  const trpc = useTRPC();
  // Never refetched behind the editor's back: its updatedAt is the token of the open edit.
  const query = useQuery(trpc.users.get.queryOptions({ id: initialUser.id }, { initialData: initialUser, staleTime: Infinity }));
  const user = query.data;
  const self = user.id === currentUserId;
  const t = useTranslations("users");
  const common = useTranslations("common");
  const labels = useReferenceLabels();

  return (
    <div className="stack users-detail">
      <p>
        <Link href="/admin/users">
          <span aria-hidden="true">← </span>
          {t("allUsers")}
        </Link>
      </p>
      <h1>
        {user.name}
        {self ? <span className="muted"> {common("you")}</span> : null}
      </h1>
      <HistoryLink entity="user" id={user.id} />
      <dl className="facts">
        <dt>{t("email")}</dt>
        <dd className="users-email">{user.email}</dd>
        <dt>{t("role")}</dt>
        <dd>{labels.role(user.role)}</dd>
        <dt>{t("state")}</dt>
        <dd>{user.state ? labels.state(user.state) : common("noneSecretariat")}</dd>
        <dt>{t("status")}</dt>
        <dd>
          <UserStatusBadge active={user.active} />
        </dd>
        <dt>{t("password")}</dt>
        <dd>{user.mustChangePassword ? t("mustBeChanged") : t("setByUser")}</dd>
        <dt>{t("lastSignIn")}</dt>
        <dd>{user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : t("never")}</dd>
        <dt>{t("created")}</dt>
        <dd>
          <DateTime value={user.createdAt} />
        </dd>
      </dl>

      <div className="users-sections">
        <UserEditForm user={user} states={states} self={self} />
        <UserResetPassword user={user} self={self} />
        <UserActiveControl user={user} self={self} />
      </div>
    </div>
  );
}
