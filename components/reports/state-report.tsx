import Link from "next/link";
import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { EmptyState } from "@/components/ui/empty-state";
import { RecommendationText, TranslatedText } from "@/components/recommendations/recommendation-display";
import { StatusBadge } from "@/components/ui/status-badge";
import { OdihrDistribution } from "@/components/reports/charts/distribution-figure";
import { FigureTiles } from "@/components/reports/charts/figure-tiles";
import { statusColumns } from "@/components/reports/status-cells";
import { DataTable } from "@/components/ui/data-table";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

export type StateReportData = inferRouterOutputs<AppRouter>["reports"]["state"];
type CommitmentRow = StateReportData["commitments"][number];

/** "Participating State" or "Partner for Co-operation (group)"; `t`: the reports.state words. */
export function stateKindLabel(state: StateReportData["state"], t: (key: "participating" | "partner" | "partnerOf", values?: { group: string }) => string) {
  if (state.kind === "PARTNER") return state.partnerGroup ? t("partnerOf", { group: state.partnerGroup }) : t("partner");
  return t("participating");
}

/** Score, ODIHR distribution, disagreements and every commitment of one State. */
export function StateReportBody({ report, filters }: { report: StateReportData; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const labels = useReferenceLabels();
  if (report.commitments.length === 0) {
    return (
      <EmptyState title={t("state.emptyTitle")}>{t("state.emptyText", { state: labels.state(report.state), asOf: filters.asOf ? "true" : "false" })}</EmptyState>
    );
  }
  const commitments = t("figures.commitments");
  return (
    <>
      <section aria-labelledby="state-figures-title">
        <h2 id="state-figures-title">{t("state.scoreTitle")}</h2>
        <FigureTiles figures={report.figures} unit={commitments} scoreLabel={t("figures.score")} />
      </section>
      <OdihrDistribution id="state-odihr" title={t("state.byOdihr")} unit={commitments} byOdihr={report.figures.byOdihr} />
      <StateDisagreements report={report} filters={filters} />
      <StateCommitmentsTable report={report} filters={filters} />
    </>
  );
}

/** An assessment's status, marked when internal (only the secretariat ever receives internal assessments; the public never sees this marker). */
function AssessmentBadge({ assessment }: { assessment: NonNullable<CommitmentRow["assessment"]> }) {
  const t = useTranslations("reports.state");
  return (
    <>
      <StatusBadge statusKey={assessment.key} label={useReferenceLabels().status(assessment)} />
      {assessment.isPublic ? null : <span className="muted"> {t("internal")}</span>}
    </>
  );
}

function AssessmentCell({ commitment }: { commitment: CommitmentRow }) {
  const t = useTranslations("reports.state");
  const assessment = commitment.assessment;
  if (!assessment) return <span className="muted">{t("notAssessed")}</span>;
  return (
    <>
      <AssessmentBadge assessment={assessment} />
      {assessment.rationale ? <p className="report-note">{assessment.rationale}</p> : null}
    </>
  );
}

/** A recommendation's report, for the same filters (the report covers every State of the group). */
function ReferenceLink({ commitment, filters }: { commitment: CommitmentRow; filters: ReportFilterValues }) {
  return <Link href={`/reports/recommendations/${commitment.recommendationId}${reportQuery({ ...filters, stateGroup: "participating" })}`}>{commitment.reference}</Link>;
}

function StateDisagreements({ report, filters }: { report: StateReportData; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const labels = useReferenceLabels();
  return (
    <section aria-labelledby="state-disagreements-title">
      <h2 id="state-disagreements-title">{t("state.disagreementsTitle", { count: report.disagreements.length })}</h2>
      <DataTable
        caption={t("state.disagreementsCaption")}
        label={t("state.disagreementsLabel")}
        rows={report.disagreements}
        rowKey={(commitment) => commitment.commitmentId}
        empty={<p>{t("state.noDisagreements", { state: labels.state(report.state) })}</p>}
        columns={[
          { key: "reference", header: t("figures.recommendation"), rowHeader: true, cell: (commitment) => <ReferenceLink commitment={commitment} filters={filters} /> },
          {
            key: "status",
            header: t("state.statesStatus"),
            cell: (commitment) => <StatusBadge statusKey={commitment.status.key} label={labels.status(commitment.status)} />,
          },
          {
            key: "assessment",
            header: t("state.assessment"),
            cell: ({ assessment }) => (assessment ? <AssessmentBadge assessment={assessment} /> : null),
          },
          {
            key: "rationale",
            header: t("state.rationale"),
            className: "report-note-cell",
            cell: ({ assessment }) =>
              assessment?.rationale ? <p className="report-note">{assessment.rationale}</p> : <span className="muted">{t("state.noRationale")}</span>,
          },
        ]}
      />
    </section>
  );
}

function StateCommitmentsTable({ report, filters }: { report: StateReportData; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const figures = useTranslations("reports.figures");
  const labels = useReferenceLabels();
  const sources = new Set(report.commitments.map((commitment) => commitment.source.title));
  return (
    <section aria-labelledby="state-commitments-title">
      <h2 id="state-commitments-title">{t("state.commitmentsTitle", { count: report.commitments.length })}</h2>
      <DataTable
        caption={t("state.commitmentsCaption", { state: labels.state(report.state) })}
        rows={report.commitments}
        rowKey={(commitment) => commitment.commitmentId}
        columns={[
          { key: "reference", header: figures("reference"), rowHeader: true, cell: (commitment) => <ReferenceLink commitment={commitment} filters={filters} /> },
          {
            key: "text",
            header: figures("recommendation"),
            className: "report-text-cell",
            cell: (commitment) => (
              <>
                <RecommendationText recommendation={{ ...commitment, text: commitment.text.length >= 300 ? `${commitment.text}…` : commitment.text }} />
                {sources.size > 1 ? (
                  <div className="muted">
                    <TranslatedText text={commitment.source.title} lang={commitment.source.titleLang} isFallback={commitment.source.isFallback} />
                  </div>
                ) : null}
              </>
            ),
          },
          ...statusColumns<CommitmentRow>(
            (commitment) => ({ ...commitment, progressLabel: t("state.progressOf", { reference: commitment.reference }), lastAcceptedAt: commitment.lastUpdateAt }),
            figures("lastUpdate"),
            figures,
          ),
          { key: "assessment", header: t("state.assessment"), className: "report-note-cell", cell: (commitment) => <AssessmentCell commitment={commitment} /> },
        ]}
      />
    </section>
  );
}
