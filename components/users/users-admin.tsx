"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Role } from "@/prisma/generated/enums";
import { useTRPC } from "@/components/trpc-provider";
import { DateTime } from "@/components/ui/dates";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/api-errors";
import { NewUserForm } from "@/components/users/new-user-form";
import { UserStatusBadge } from "@/components/users/user-status-badge";
import { ROLE_OPTIONS, StateOptions, USERS_PAGE_SIZE, roleLabel, type StateOption } from "@/components/users/user-form-parts";

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
  const [creating, setCreating] = useState(false);
  const newUserButton = useRef<HTMLButtonElement>(null);

  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [stateId, setStateId] = useState("");
  const [active, setActive] = useState<ActiveFilter>("");
  // Keyset paging: the cursor of every page after the first, so "Previous" can go back.
  const [cursors, setCursors] = useState<string[]>([]);

  useEffect(() => {
    if (searchText.trim() === search) return;
    const timer = setTimeout(() => {
      setSearch(searchText.trim());
      setCursors([]);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, search]);

  const cursor = cursors.at(-1);
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
  const pageNumber = cursors.length + 1;

  function clearFilters() {
    setSearchText("");
    setSearch("");
    setRole("");
    setStateId("");
    setActive("");
    setCursors([]);
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

      <form className="filters" role="search" aria-label="Filter users" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="users-search">Search</label>
          <input
            id="users-search"
            type="search"
            value={searchText}
            maxLength={200}
            placeholder="Name or email"
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="users-role">Role</label>
          <select
            id="users-role"
            value={role}
            onChange={(event) => {
              setRole(event.target.value as Role | "");
              setCursors([]);
            }}
          >
            <option value="">All roles</option>
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-state">State</label>
          <select
            id="users-state"
            value={stateId}
            onChange={(event) => {
              setStateId(event.target.value);
              setCursors([]);
            }}
          >
            <option value="">All States</option>
            <StateOptions states={states} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-active">Status</label>
          <select
            id="users-active"
            value={active}
            onChange={(event) => {
              setActive(event.target.value as ActiveFilter);
              setCursors([]);
            }}
          >
            <option value="">Active and deactivated</option>
            <option value="active">Active</option>
            <option value="inactive">Deactivated</option>
          </select>
        </div>
        {filtered ? (
          <button type="button" className="button button-secondary" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
      </form>

      <p role="status" className="muted users-result-status">
        {list.isFetching
          ? "Loading users…"
          : users.length === 0
            ? ""
            : `Page ${pageNumber}: ${users.length} ${users.length === 1 ? "user" : "users"}${list.data?.nextCursor ? ", more on the next page" : ""}.`}
      </p>

      {list.isError ? (
        <div role="alert" className="alert alert-error">
          <p>The users could not be loaded. {errorMessage(list.error)}</p>
          <button type="button" className="button button-secondary button-small" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      ) : null}

      {list.isPending ? null : users.length === 0 && !list.isError ? (
        filtered ? (
          <EmptyState title="No users match these filters">
            Change the search or the filters, or{" "}
            <button type="button" className="link-button" onClick={clearFilters}>
              clear the filters
            </button>
            .
          </EmptyState>
        ) : (
          <EmptyState title="There are no users yet">Create the first one with “New user”.</EmptyState>
        )
      ) : users.length > 0 ? (
        <div className="table-wrap">
          <table aria-label="Users" aria-busy={list.isFetching}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Status</th>
                <th scope="col">Password</th>
                <th scope="col">Last sign-in</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link href={`/admin/users/${user.id}`}>{user.name}</Link>
                    {user.id === currentUserId ? <span className="muted"> (you)</span> : null}
                  </td>
                  <td className="users-email">{user.email}</td>
                  <td>{roleLabel(user.role)}</td>
                  <td>{user.state?.name ?? <span className="muted">None (secretariat)</span>}</td>
                  <td>
                    <UserStatusBadge active={user.active} />
                  </td>
                  <td>{user.mustChangePassword ? "Must change at next sign-in" : <span className="muted">Set by the user</span>}</td>
                  <td>{user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : <span className="muted">Never</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {cursors.length > 0 || list.data?.nextCursor ? (
        <nav className="pager" aria-label="Pages of users">
          <button
            type="button"
            className="button button-secondary"
            disabled={cursors.length === 0 || list.isFetching}
            onClick={() => setCursors((previous) => previous.slice(0, -1))}
          >
            Previous page
          </button>
          <span>Page {pageNumber}</span>
          <button
            type="button"
            className="button button-secondary"
            disabled={!list.data?.nextCursor || list.isFetching}
            onClick={() => {
              const next = list.data?.nextCursor;
              if (next) setCursors((previous) => [...previous, next]);
            }}
          >
            Next page
          </button>
        </nav>
      ) : null}
    </div>
  );
}
