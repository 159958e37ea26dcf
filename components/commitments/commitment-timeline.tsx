import { DateTime } from "@/components/ui/dates";
import { EvidenceList } from "@/components/commitments/evidence-list";
import { StatusBadge } from "@/components/ui/status-badge";
import type { TTimeline } from "@/components/commitments/types";

const TITLES: Record<TTimeline[number]["kind"], string> = {
  created: "Commitment created",
  update_submitted: "Update submitted",
  update_returned: "Update returned",
  update_accepted: "Update accepted",
  status_accepted: "Accepted status changed",
  assessment: "Secretariat assessment",
};

/** The history of a commitment, oldest first, each entry with who and when. */
export function CommitmentTimeline({ entries }: { entries: TTimeline }) {
  if (entries.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="timeline" aria-label="History">
      {entries.map((entry, index) => (
        <li key={`${entry.kind}-${index}`} data-kind={entry.kind}>
          <p className="timeline-title">
            <strong>{TITLES[entry.kind]}</strong>
            {entry.actorName ? <> by {entry.actorName}</> : null}, <DateTime value={entry.at} />
          </p>
          {entry.status ? (
            <p>
              <StatusBadge statusKey={entry.status.key} label={entry.status.label} />
              {entry.progress !== null ? <span className="muted"> {entry.progress}%</span> : null}
            </p>
          ) : null}
          {entry.comment ? (
            <blockquote className="timeline-comment">
              {entry.kind === "update_returned" ? <span className="visually-hidden">Review comment: </span> : null}
              {entry.comment}
            </blockquote>
          ) : null}
          <EvidenceList links={entry.evidence} />
        </li>
      ))}
    </ol>
  );
}
