import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { DistributionFigure, odihrRows } from "@/components/reports/charts/distribution-figure";
import { FigureTiles } from "@/components/reports/charts/figure-tiles";
import { statusColumns } from "@/components/reports/status-cells";
import { DataTable } from "@/components/ui/data-table";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

export type StateReportData = inferRouterOutputs<AppRouter>["reports"]["state"];
type CommitmentRow = StateReportData["commitments"][number];

export function stateKindLabel(state: StateReportData["state"]) {
  if (state.kind === "PARTNER") return state.partnerGroup ? `Partner for Co-operation (${state.partnerGroup})` : "Partner for Co-operation";
  return "Participating State";
}

/** Score, ODIHR distribution, disagreements and every commitment of one State. */
export function StateReportBody({ report, filters }: { report: StateReportData; filters: ReportFilterValues }) {
  if (report.commitments.length === 0) {
    return (
      <EmptyState title="No commitments match these filters.">
        No published recommendation of the chosen source and theme is addressed to {report.state.name}
        {filters.asOf ? " as of the chosen date" : ""}. Choose “All sources” and “All themes”, or a later date.
      </EmptyState>
    );
  }
  return (
    <>
      <section aria-labelledby="state-figures-title">
        <h2 id="state-figures-title">Score</h2>
        <FigureTiles figures={report.figures} unit="Commitments" scoreLabel="Score (mean progress)" />
      </section>
      <DistributionFigure id="state-odihr" title="Commitments by ODIHR level" categoryHeader="ODIHR level" unit="Commitments" rows={odihrRows(report.figures.byOdihr)} />
      <StateDisagreements report={report} filters={filters} />
      <StateCommitmentsTable report={report} filters={filters} />
    </>
  );
}

function AssessmentCell({ commitment }: { commitment: CommitmentRow }) {
  const assessment = commitment.assessment;
  if (!assessment) return <span className="muted">Not assessed</span>;
  return (
    <>
      <StatusBadge statusKey={assessment.key} label={assessment.label} />
      {/* Only the secretariat ever receives internal assessments; the public never sees this marker. */}
      {assessment.isPublic ? null : <span className="muted"> (internal)</span>}
      {assessment.rationale ? <p className="report-note">{assessment.rationale}</p> : null}
    </>
  );
}

/** A recommendation's report, for the same filters (the report covers every State of the group). */
function ReferenceLink({ commitment, filters }: { commitment: CommitmentRow; filters: ReportFilterValues }) {
  return <Link href={`/reports/recommendations/${commitment.recommendationId}${reportQuery({ ...filters, stateGroup: "participating" })}`}>{commitment.reference}</Link>;
}

function StateDisagreements({ report, filters }: { report: StateReportData; filters: ReportFilterValues }) {
  return (
    <section aria-labelledby="state-disagreements-title">
      <h2 id="state-disagreements-title">Disagreements ({report.disagreements.length})</h2>
      <DataTable
        caption="Where the State’s accepted status and the secretariat’s assessment differ"
        label="Disagreements"
        rows={report.disagreements}
        rowKey={(commitment) => commitment.commitmentId}
        empty={<p>The secretariat’s assessments agree with every accepted status of {report.state.name}, or there is no assessment yet.</p>}
        columns={[
          { key: "reference", header: "Recommendation", rowHeader: true, cell: (commitment) => <ReferenceLink commitment={commitment} filters={filters} /> },
          { key: "status", header: "State’s status", cell: (commitment) => <StatusBadge statusKey={commitment.status.key} label={commitment.status.label} /> },
          {
            key: "assessment",
            header: "Secretariat’s assessment",
            cell: ({ assessment }) =>
              assessment ? (
                <>
                  <StatusBadge statusKey={assessment.key} label={assessment.label} />
                  {assessment.isPublic ? null : <span className="muted"> (internal)</span>}
                </>
              ) : null,
          },
          {
            key: "rationale",
            header: "Rationale",
            className: "report-note-cell",
            cell: ({ assessment }) => (assessment?.rationale ? <p className="report-note">{assessment.rationale}</p> : <span className="muted">None given</span>),
          },
        ]}
      />
    </section>
  );
}

function StateCommitmentsTable({ report, filters }: { report: StateReportData; filters: ReportFilterValues }) {
  const sources = new Set(report.commitments.map((commitment) => commitment.sourceTitle));
  return (
    <section aria-labelledby="state-commitments-title">
      <h2 id="state-commitments-title">Commitments ({report.commitments.length})</h2>
      <DataTable
        caption={`Commitments of ${report.state.name}`}
        rows={report.commitments}
        rowKey={(commitment) => commitment.commitmentId}
        columns={[
          { key: "reference", header: "Reference", rowHeader: true, cell: (commitment) => <ReferenceLink commitment={commitment} filters={filters} /> },
          {
            key: "text",
            header: "Recommendation",
            className: "report-text-cell",
            cell: (commitment) => (
              <>
                {commitment.text}
                {commitment.text.length >= 300 ? "…" : ""}
                {sources.size > 1 ? <div className="muted">{commitment.sourceTitle}</div> : null}
              </>
            ),
          },
          ...statusColumns<CommitmentRow>(
            (commitment) => ({ ...commitment, progressLabel: `Progress of ${commitment.reference}`, lastAcceptedAt: commitment.lastUpdateAt }),
            "Last update",
          ),
          { key: "assessment", header: "Secretariat’s assessment", className: "report-note-cell", cell: (commitment) => <AssessmentCell commitment={commitment} /> },
        ]}
      />
    </section>
  );
}
