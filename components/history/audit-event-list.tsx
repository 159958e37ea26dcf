"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { DateTime } from "@/components/ui/dates";
import { historyHref, useAuditLabels, type AuditActor } from "@/components/history/audit-labels";

export type AuditEventItem = {
  id: string;
  at: string;
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId: string;
  changes: { field: string; before: string | null; after: string | null }[];
};

/**
 * Changes from the audit trail, newest first: each says what kind of change it was, when, by whom
 * (with their role), and compares the fields it changed, before and after. `showRecord` names the
 * record changed too (the audit log, where events of every record meet).
 */
export function AuditEventList({ events, showRecord = false, headingLevel = 2 }: { events: AuditEventItem[]; showRecord?: boolean; headingLevel?: 2 | 3 }) {
  const t = useTranslations("history");
  const labels = useAuditLabels();
  const format = useFormatter();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="audit-events" aria-label={t("eventsLabel")}>
      {events.map((event) => {
        const kind = labels.action(event.action);
        const role = labels.role(event.actor.role);
        const recordHistory = showRecord ? historyHref(event.entityType, event.entityId) : null;
        const when = format.dateTime(new Date(event.at), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
        return (
          <li key={event.id} className="card audit-event">
            <Heading className="audit-event-kind">{kind}</Heading>
            <p className="audit-event-meta">
              <DateTime value={event.at} /> · {t("by", { person: labels.actor(event.actor) })}
              {role ? <span className="muted"> ({role})</span> : null}
            </p>
            {showRecord ? (
              <p className="audit-event-record">
                {t("record", { type: labels.entityType(event.entityType) })} <code>{event.entityId}</code>
                {recordHistory ? (
                  <>
                    {" · "}
                    <Link href={recordHistory}>{t("openRecordHistory")}</Link>
                  </>
                ) : null}
              </p>
            ) : null}
            {event.changes.length === 0 ? (
              <p className="muted">{t("noFieldChanges")}</p>
            ) : (
              <div className="table-wrap" role="region" aria-label={t("comparison", { kind, date: when })} tabIndex={0}>
                <table className="audit-changes">
                  <caption className="visually-hidden">{t("comparison", { kind, date: when })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("field")}</th>
                      <th scope="col">{t("before")}</th>
                      <th scope="col">{t("after")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {event.changes.map((change) => (
                      <tr key={change.field}>
                        <th scope="row">{labels.field(change.field)}</th>
                        <td className="audit-value audit-before">
                          <Value value={change.before === null ? null : labels.value(change.field, change.before)} />
                        </td>
                        <td className="audit-value audit-after">
                          <Value value={change.after === null ? null : labels.value(change.field, change.after)} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function Value({ value }: { value: string | null }) {
  const t = useTranslations("history");
  return value === null || value === "" ? <span className="muted">{t("emptyValue")}</span> : <>{value}</>;
}
