import { useFormatter, useTranslations } from "next-intl";
import { DateTime } from "@/components/ui/dates";
import { EvidenceList } from "@/components/commitments/evidence-list";
import { StatusBadge } from "@/components/ui/status-badge";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { TTimeline } from "@/components/commitments/types";

/** The history of a commitment, oldest first, each entry with who and when. */
export function CommitmentTimeline({ entries }: { entries: TTimeline }) {
  const t = useTranslations("commitments.timeline");
  const refs = useReferenceLabels();
  const format = useFormatter();
  if (entries.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <ol className="timeline" aria-label={t("label")}>
      {entries.map((entry, index) => (
        <li key={`${entry.kind}-${index}`} data-kind={entry.kind}>
          <p className="timeline-title">
            {entry.actorName ? (
              t.rich("entryBy", {
                title: t(`kinds.${entry.kind}`),
                name: entry.actorName,
                what: (chunks) => <strong>{chunks}</strong>,
                when: () => <DateTime value={entry.at} />,
              })
            ) : (
              <>
                <strong>{t(`kinds.${entry.kind}`)}</strong>, <DateTime value={entry.at} />
              </>
            )}
          </p>
          {entry.status ? (
            <p>
              <StatusBadge statusKey={entry.status.key} label={refs.status(entry.status)} />
              {entry.progress !== null ? <span className="muted"> {format.number(entry.progress / 100, "percent")}</span> : null}
            </p>
          ) : null}
          {entry.comment ? (
            <blockquote className="timeline-comment">
              {entry.kind === "update_returned" ? <span className="visually-hidden">{t("reviewComment")}</span> : null}
              {entry.comment}
            </blockquote>
          ) : null}
          <EvidenceList links={entry.evidence} />
        </li>
      ))}
    </ol>
  );
}
