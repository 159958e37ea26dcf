"use client";

import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Role } from "@/prisma/generated/enums";
import { useTRPC } from "@/components/trpc-provider";
import { DateTime } from "@/components/ui/dates";
import { EmptyState, NoMatches } from "@/components/ui/empty-state";
import { useErrorMessage } from "@/components/ui/api-errors";
import { NewUserForm } from "@/components/users/new-user-form";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { PageButtons, useCursorPages } from "@/components/ui/cursor-pager";
import { CountLine, DataTable } from "@/components/ui/data-table";
import { ClearFilters, FilterBar, FilterSearch, FilterSelect, useStateOptionGroups } from "@/components/ui/filter-bar";
import { useRoleOptions, type StateOption } from "@/components/users/user-form-parts";
import { USERS_PAGE_SIZE } from "@/server/schemas/limits";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";

type UserPage = inferRouterOutputs<AppRouter>["users"]["list"];

const SEARCH_DELAY_MS = 300;

type ActiveFilter = "" | "active" | "inactive";

export function UsersAdmin({
  initialPage,
  states,
  currentUserId,
}: {
  initialPage: UserPage;
  states: StateOption[];
  currentUserId: string;
}) {
  const trpc = useTRPC();
  const t = useTranslations("users");
  const errorMessage = useErrorMessage();
  const common = useTranslations("common");
  const labels = useReferenceLabels();
  const roleOptions = useRoleOptions();
  const stateGroups = useStateOptionGroups(states, (state) => state.id);
  const activeOptions = [
    { value: "active", label: t("active") },
    { value: "inactive", label: t("deactivated") },
  ];
  const [creating, setCreating] = useState(false);
  const newUserButton = useRef<HTMLButtonElement>(null);

  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [stateId, setStateId] = useState("");
  const [active, setActive] = useState<ActiveFilter>("");
  const pages = useCursorPages();
  const { cursor, reset } = pages;

  useEffect(() => {
    if (searchText.trim() === search) return;
    const timer = setTimeout(() => {
      setSearch(searchText.trim());
      reset();
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, search, reset]);

  const input = {
    limit: USERS_PAGE_SIZE,
    ...(search ? { search } : {}),
    ...(role ? { role } : {}),
    ...(stateId ? { stateId } : {}),
    ...(active ? { active: active === "active" } : {}),
    ...(cursor ? { cursor } : {}),
  };
  const unfiltered = !search && !role && !stateId && !active && !cursor;
  const list = useQuery(
    trpc.users.list.queryOptions(input, {
      initialData: unfiltered ? initialPage : undefined,
      placeholderData: keepPreviousData,
    }),
  );

  const filtered = Boolean(search || role || stateId || active);
  const users = list.data?.items ?? [];

  /** A filter's setter that also goes back to the first page. */
  function filterBy<T extends string>(set: Dispatch<SetStateAction<T>>) {
    return (value: string) => {
      set(value as T);
      reset();
    };
  }

  function clearFilters() {
    setSearchText("");
    setSearch("");
    setRole("");
    setStateId("");
    setActive("");
    reset();
  }

  function closeForm() {
    setCreating(false);
    // Back to where the form was opened from, so keyboard users do not lose their place.
    requestAnimationFrame(() => newUserButton.current?.focus());
  }

  return (
    <div className="stack">
      <div className="users-heading">
        <h1>{t("heading")}</h1>
        {creating ? null : (
          <button ref={newUserButton} type="button" className="button" onClick={() => setCreating(true)}>
            {t("newUser")}
          </button>
        )}
      </div>

      {creating ? <NewUserForm states={states} onDone={closeForm} /> : null}

      <FilterBar label={t("filterLabel")} onSubmit={(event) => event.preventDefault()}>
        <FilterSearch id="users-search" placeholder={t("searchPlaceholder")} value={searchText} onChange={setSearchText} />
        <FilterSelect id="users-role" label={t("role")} allLabel={t("allRoles")} options={roleOptions} value={role} onChange={filterBy(setRole)} />
        <FilterSelect id="users-state" label={t("state")} allLabel={t("allStates")} groups={stateGroups} value={stateId} onChange={filterBy(setStateId)} />
        <FilterSelect id="users-active" label={t("status")} allLabel={t("allStatuses")} options={activeOptions} value={active} onChange={filterBy(setActive)} />
        <ClearFilters shown={filtered} onClear={clearFilters} />
      </FilterBar>

      <CountLine busy={list.isFetching} busyText={t("loadingUsers")} className="muted users-result-status">
        {users.length === 0 ? "" : t("countLine", { page: pages.page, count: users.length, more: list.data?.nextCursor ? "yes" : "no" })}
      </CountLine>

      {list.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{t("loadFailed", { error: errorMessage(list.error) })}</p>
          <button type="button" className="button button-secondary button-small" onClick={() => void list.refetch()}>
            {common("tryAgain")}
          </button>
        </div>
      ) : null}

      {list.isPending ? null : (
        <DataTable
          caption={t("caption")}
          rows={users}
          busy={list.isFetching}
          rowKey={(user) => user.id}
          empty={
            list.isError ? null : filtered ? (
              <NoMatches title={t("noMatches")} clearLabel={t("clearTheFilters")} onClear={clearFilters} />
            ) : (
              <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
            )
          }
          columns={[
            {
              key: "name",
              header: t("name"),
              cell: (user) => (
                <>
                  <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                  {user.id === currentUserId ? <span className="muted"> {common("you")}</span> : null}
                </>
              ),
            },
            { key: "email", header: t("email"), className: "users-email", cell: (user) => user.email },
            { key: "role", header: t("role"), cell: (user) => labels.role(user.role) },
            { key: "state", header: t("state"), cell: (user) => (user.state ? labels.state(user.state) : <span className="muted">{common("noneSecretariat")}</span>) },
            { key: "status", header: t("status"), cell: (user) => <UserStatusBadge active={user.active} /> },
            {
              key: "password",
              header: t("password"),
              cell: (user) => (user.mustChangePassword ? t("mustChange") : <span className="muted">{t("setByUser")}</span>),
            },
            {
              key: "lastSignIn",
              header: t("lastSignIn"),
              cell: (user) => (user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : <span className="muted">{t("never")}</span>),
            },
          ]}
        />
      )}

      <PageButtons label={t("pagesLabel")} pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />
    </div>
  );
}
