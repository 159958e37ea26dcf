import "server-only";
import { z } from "zod";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isAdmin, isSecretariat } from "@/server/services/access";
import { decodeCursor, encodeCursor } from "@/server/services/core/cursor";
import { DomainError } from "@/server/services/errors";
import {
  auditActionsSql,
  entityEventsWhere,
  eventsPageSql,
  logWhere,
  type EventCursor,
  type EventRow,
} from "@/server/services/audit-history.sql";
import { referenceLabelsFor } from "@/server/i18n/catalogs";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { ZAuditLogInput, ZEntityHistoryInput, type TAuditLogInput, type TEntityHistoryInput, type THistoryEntity } from "@/server/schemas/audit";

// The audit trail, read-only: the History of one record for the secretariat, and the whole log
// with filters for administrators. Each event says who, when, what kind of change, and which
// fields changed from what to what.

/** One changed field: its value before and after, as text (null: absent). */
export type FieldChange = { field: string; before: string | null; after: string | null };

const ZEventCursor = z.strictObject({ at: z.iso.datetime(), id: z.string().regex(/^\d{1,19}$/) });

function readCursor(raw: string | undefined): EventCursor | null {
  if (!raw) return null;
  const cursor = decodeCursor(raw, ZEventCursor);
  if (!cursor) throw new DomainError("BAD_REQUEST", "commitments.pageLinkGone");
  return cursor;
}

/** A value of a snapshot as a reader sees it: text as it is, anything else as compact JSON. */
function shown(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The fields that differ between two snapshots, in the order the record lists them. A creation
 * (no before) lists every field it set; a deletion every field it had.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const [was, is] = [shown(before), shown(after)];
    return was === is ? [] : [{ field: "value", before: was, after: is }];
  }
  const was = isRecord(before) ? before : {};
  const is = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(is), ...Object.keys(was)])];
  return fields
    .map((field) => ({ field, before: shown(was[field]), after: shown(is[field]) }))
    .filter((change) => change.before !== change.after);
}

function presentEvent(row: EventRow) {
  return {
    id: row.id,
    at: row.createdAt,
    actor: { id: row.actorId, name: row.actorName, email: row.actorEmail, role: row.actorRole },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    changes: changedFields(row.before, row.after),
  };
}
export type AuditEventView = ReturnType<typeof presentEvent>;

// Snapshots name States and statuses by id: shown by their names in the reader's language.
const STATE_FIELDS = new Set(["stateId"]);
const STATUS_FIELDS = new Set(["statusId", "acceptedStatusId"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function withNames(events: AuditEventView[], locale: Locale): Promise<AuditEventView[]> {
  const ids = { states: new Set<string>(), statuses: new Set<string>() };
  for (const change of events.flatMap((event) => event.changes)) {
    const set = STATE_FIELDS.has(change.field) ? ids.states : STATUS_FIELDS.has(change.field) ? ids.statuses : null;
    for (const value of [change.before, change.after]) if (set && value && UUID.test(value)) set.add(value);
  }
  if (ids.states.size === 0 && ids.statuses.size === 0) return events;
  const [states, statuses, labels] = await Promise.all([
    db.state.findMany({ where: { id: { in: [...ids.states] } }, select: { id: true, iso2: true, name: true } }),
    db.scaleStatus.findMany({ where: { id: { in: [...ids.statuses] } }, select: { id: true, key: true, label: true } }),
    referenceLabelsFor(locale),
  ]);
  const names = new Map([...states.map((state) => [state.id, labels.state(state)] as const), ...statuses.map((status) => [status.id, labels.status(status)] as const)]);
  const named = (value: string | null) => (value === null ? null : (names.get(value) ?? value));
  return events.map((event) => ({
    ...event,
    changes: event.changes.map((change) =>
      STATE_FIELDS.has(change.field) || STATUS_FIELDS.has(change.field) ? { ...change, before: named(change.before), after: named(change.after) } : change,
    ),
  }));
}

/** One page of events matching `where`, newest first, with the cursor of the next page. */
async function eventsPage(where: ReturnType<typeof logWhere>, rawCursor: string | undefined, limit: number, locale: Locale) {
  const rows = await db.$queryRaw<EventRow[]>(eventsPageSql(where, readCursor(rawCursor), limit + 1));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: await withNames(page.map(presentEvent), locale),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id } satisfies EventCursor) : null,
  };
}

/** What the History page names its record by (null: no such record). */
async function subjectOf(entity: THistoryEntity, id: string) {
  switch (entity) {
    case "recommendation": {
      const row = await db.recommendation.findUnique({ where: { id }, select: { reference: true } });
      return row ? { text: row.reference, state: null } : null;
    }
    case "commitment": {
      const row = await db.commitment.findUnique({
        where: { id },
        select: { recommendation: { select: { reference: true } }, state: { select: { id: true, name: true, iso2: true, kind: true } } },
      });
      return row ? { text: row.recommendation.reference, state: row.state } : null;
    }
    case "user": {
      const row = await db.user.findUnique({ where: { id }, select: { name: true } });
      return row ? { text: row.name, state: null } : null;
    }
    case "source": {
      const row = await db.source.findUnique({ where: { id }, select: { title: true } });
      return row ? { text: row.title, state: null } : null;
    }
  }
}

/**
 * The History of a recommendation, commitment, user or source, newest first, paged. For the
 * secretariat (a user's for administrators, who manage users: an analyst gets NOT_FOUND, as for a
 * user that does not exist).
 */
export async function getEntityHistory(actor: Actor, rawInput: TEntityHistoryInput, locale: Locale = DEFAULT_LOCALE) {
  if (!isSecretariat(actor)) throw new DomainError("FORBIDDEN", "access.secretariatOnly");
  const input = ZEntityHistoryInput.parse(rawInput);
  // Users are the administrators' to manage: to an analyst, a user's History does not exist.
  const allowed = input.entity !== "user" || isAdmin(actor);
  const subject = allowed ? await subjectOf(input.entity, input.id) : null;
  if (!subject) throw new DomainError("NOT_FOUND", `notFound.${input.entity}`);
  const page = await eventsPage(entityEventsWhere(input.entity, input.id), input.cursor, input.limit, locale);
  return { entity: input.entity, id: input.id, subject, ...page };
}

function assertAuditor(actor: Actor) {
  if (!isAdmin(actor)) throw new DomainError("FORBIDDEN", "access.administratorsOnly");
}

/** The audit log for administrators: every event, filtered by person, kind of change and days, newest first, paged. */
export async function getAuditLog(actor: Actor, rawInput: TAuditLogInput, locale: Locale = DEFAULT_LOCALE) {
  assertAuditor(actor);
  const input = ZAuditLogInput.parse(rawInput);
  return eventsPage(logWhere(input), input.cursor, input.limit, locale);
}

/** The rows of an export of the log: the same filters, newest first, at most `max` (one more tells that it was cut). */
export async function auditLogRows(actor: Actor, filters: Omit<TAuditLogInput, "cursor" | "limit">, max: number, locale: Locale = DEFAULT_LOCALE) {
  assertAuditor(actor);
  const input = ZAuditLogInput.parse(filters);
  const rows = await db.$queryRaw<EventRow[]>(eventsPageSql(logWhere(input), null, max + 1));
  return { items: await withNames(rows.slice(0, max).map(presentEvent), locale), truncated: rows.length > max };
}

/** The choices of the log's filters: the people who can act, and the kinds of change the trail holds. */
export async function getAuditLogOptions(actor: Actor) {
  assertAuditor(actor);
  const [people, actions] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }] }),
    db.$queryRaw<{ action: string }[]>(auditActionsSql),
  ]);
  return { people, actions: actions.map((row) => row.action) };
}
