"use client";

import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Role } from "@/prisma/generated/enums";
import { useTRPC } from "@/components/trpc-provider";
import { DateTime } from "@/components/ui/dates";
import { EmptyState, NoMatches } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/api-errors";
import { NewUserForm } from "@/components/users/new-user-form";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { PageButtons, useCursorPages } from "@/components/ui/cursor-pager";
import { CountLine, DataTable, countOf } from "@/components/ui/data-table";
import { ClearFilters, FilterBar, FilterSearch, FilterSelect, stateOptionGroups } from "@/components/ui/filter-bar";
import { ROLE_OPTIONS, USERS_PAGE_SIZE, roleLabel, type StateOption } from "@/components/users/user-form-parts";

type UserPage = inferRouterOutputs<AppRouter>["users"]["list"];

const SEARCH_DELAY_MS = 300;

type ActiveFilter = "" | "active" | "inactive";
const ACTIVE_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Deactivated" },
];

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
        <h1>Users</h1>
        {creating ? null : (
          <button ref={newUserButton} type="button" className="button" onClick={() => setCreating(true)}>
            New user
          </button>
        )}
      </div>

      {creating ? <NewUserForm states={states} onDone={closeForm} /> : null}

      <FilterBar label="Filter users" onSubmit={(event) => event.preventDefault()}>
        <FilterSearch id="users-search" placeholder="Name or email" value={searchText} onChange={setSearchText} />
        <FilterSelect id="users-role" label="Role" allLabel="All roles" options={ROLE_OPTIONS} value={role} onChange={filterBy(setRole)} />
        <FilterSelect id="users-state" label="State" allLabel="All States" groups={stateOptionGroups(states, (state) => state.id)} value={stateId} onChange={filterBy(setStateId)} />
        <FilterSelect id="users-active" label="Status" allLabel="Active and deactivated" options={ACTIVE_OPTIONS} value={active} onChange={filterBy(setActive)} />
        <ClearFilters shown={filtered} onClear={clearFilters} />
      </FilterBar>

      <CountLine busy={list.isFetching} busyText="Loading users…" className="muted users-result-status">
        {users.length === 0 ? "" : `Page ${pages.page}: ${countOf(users.length, "user")}${list.data?.nextCursor ? ", more on the next page" : ""}.`}
      </CountLine>

      {list.isError ? (
        <div role="alert" className="alert alert-error">
          <p>The users could not be loaded. {errorMessage(list.error)}</p>
          <button type="button" className="button button-secondary button-small" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : null}

      {list.isPending ? null : (
        <DataTable
          caption="Users"
          rows={users}
          busy={list.isFetching}
          rowKey={(user) => user.id}
          empty={
            list.isError ? null : filtered ? (
              <NoMatches title="No users match these filters" clearLabel="clear the filters" onClear={clearFilters} />
            ) : (
              <EmptyState title="There are no users yet">Create the first one with “New user”.</EmptyState>
            )
          }
          columns={[
            {
              key: "name",
              header: "Name",
              cell: (user) => (
                <>
                  <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                  {user.id === currentUserId ? <span className="muted"> (you)</span> : null}
                </>
              ),
            },
            { key: "email", header: "Email", className: "users-email", cell: (user) => user.email },
            { key: "role", header: "Role", cell: (user) => roleLabel(user.role) },
            { key: "state", header: "State", cell: (user) => user.state?.name ?? <span className="muted">None (secretariat)</span> },
            { key: "status", header: "Status", cell: (user) => <UserStatusBadge active={user.active} /> },
            {
              key: "password",
              header: "Password",
              cell: (user) => (user.mustChangePassword ? "Must change at next sign-in" : <span className="muted">Set by the user</span>),
            },
            {
              key: "lastSignIn",
              header: "Last sign-in",
              cell: (user) => (user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : <span className="muted">Never</span>),
            },
          ]}
        />
      )}

      <PageButtons label="Pages of users" pages={pages} nextCursor={list.data?.nextCursor} busy={list.isFetching} />
    </div>
  );
}
