import "server-only";
import { Role } from "@/prisma/generated/enums";
import { db } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { auditLogRows, type AuditEventView } from "@/server/services/audit-history";
import { csvStream } from "@/server/services/exports/csv";
import type { ExportDocument } from "@/server/services/exports/table";
import { downloadNames, parse } from "@/server/services/report-export-request";
import { exportLanguage } from "@/server/services/report-exports";
import { translatorFor } from "@/server/i18n/catalogs";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { AUDIT_EXPORT_MAX, ZAuditLogFilters } from "@/server/schemas/audit";

// The audit log as CSV: the filters of the page (person, kind of change, days), newest first, in
// the reader's language (headings, kinds of change, field names); one row per change, its fields
// "field: before → after" one per line.

type Translator = Awaited<ReturnType<typeof translatorFor<"history">>>;

function say(t: Translator, key: string, fallback: string): string {
  return t.has(key as Parameters<Translator["has"]>[0]) ? t(key as Parameters<Translator>[0]) : fallback;
}

function actorOf(t: Translator, actor: AuditEventView["actor"]) {
  if (actor.name ?? actor.email) return (actor.name ?? actor.email)!;
  return t(actor.role === "SYSTEM" ? "actor.system" : actor.role === "PUBLIC" ? "actor.public" : "actor.unknown");
}

/** The filtered audit log as a CSV file for an administrator. */
export async function auditLogExport(actor: Actor, params: URLSearchParams, locale: Locale = DEFAULT_LOCALE) {
  const filters = parse(ZAuditLogFilters, Object.fromEntries([...params].filter(([, value]) => value !== "")));
  const [{ items, truncated }, t, language] = await Promise.all([
    auditLogRows(actor, filters, AUDIT_EXPORT_MAX, locale),
    translatorFor(locale, "history"),
    exportLanguage(locale),
  ]);
  const person = filters.actorId ? await db.user.findUnique({ where: { id: filters.actorId }, select: { name: true, email: true } }) : null;
  const empty = t("emptyValue");
  const document: ExportDocument = {
    title: t("export.title"),
    filters: [
      t("export.person", { person: person ? `${person.name} (${person.email})` : t("export.all") }),
      t("export.kind", { kind: filters.action ? say(t, `actions.${filters.action}`, filters.action) : t("export.all") }),
      t("export.from", { date: filters.from ?? t("export.all") }),
      t("export.to", { date: filters.to ?? t("export.all") }),
      ...(truncated ? [t("export.truncated", { count: AUDIT_EXPORT_MAX })] : []),
    ],
    ...language.frame(new Date()),
    tables: [
      {
        name: t("export.title"),
        columns: (["at", "person", "email", "role", "kind", "recordType", "recordId", "changes"] as const).map((key) => ({ header: t(`export.columns.${key}`) })),
        rows: items.map((event) => [
          event.at.toISOString(),
          actorOf(t, event.actor),
          event.actor.email,
          event.actor.role !== null && event.actor.role in Role ? language.labels.role(event.actor.role as Role) : event.actor.role,
          say(t, `actions.${event.action}`, event.action),
          say(t, `entityTypes.${event.entityType}`, event.entityType),
          event.entityId,
          event.changes
            .map((change) => t("export.change", { field: say(t, `fields.${change.field}`, change.field), before: change.before ?? empty, after: change.after ?? empty }))
            .join("\n"),
        ]),
      },
    ],
    charts: [],
    notes: [],
  };
  const name = (slug: string) => `${slug || "audit-log"}-${new Date().toISOString().slice(0, 10)}.csv`;
  return { body: csvStream(document), contentType: "text/csv; charset=utf-8", ...downloadNames(document.title, name) };
}
