"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useTRPC } from "@/components/trpc-provider";
import { DateTime } from "@/components/ui/dates";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { UserEditForm } from "@/components/users/user-edit-form";
import { UserResetPassword } from "@/components/users/user-reset-password";
import { UserActiveControl } from "@/components/users/user-active-control";
import { roleLabel, type StateOption } from "@/components/users/user-form-parts";

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

  return (
    <div className="stack users-detail">
      <p>
        <Link href="/admin/users">
          <span aria-hidden="true">← </span>All users
        </Link>
      </p>
      <h1>
        {user.name}
        {self ? <span className="muted"> (you)</span> : null}
      </h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd className="users-email">{user.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(user.role)}</dd>
        <dt>State</dt>
        <dd>{user.state?.name ?? "None (secretariat)"}</dd>
        <dt>Status</dt>
        <dd>
          <UserStatusBadge active={user.active} />
        </dd>
        <dt>Password</dt>
        <dd>{user.mustChangePassword ? "Must be changed at next sign-in" : "Set by the user"}</dd>
        <dt>Last sign-in</dt>
        <dd>{user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : "Never"}</dd>
        <dt>Created</dt>
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
