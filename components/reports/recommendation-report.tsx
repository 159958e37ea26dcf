import Link from "next/link";
import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { CalendarDate } from "@/components/ui/dates";
import { statusColumns } from "@/components/reports/status-cells";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { RecommendationText, TranslatedText } from "@/components/recommendations/recommendation-display";
import { DistributionFigure, OdihrDistribution } from "@/components/reports/charts/distribution-figure";
import { FigureTiles } from "@/components/reports/charts/figure-tiles";
import { statusColor } from "@/components/reports/charts/chart-palette";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";

export type RecommendationReportData = inferRouterOutputs<AppRouter>["reports"]["recommendation"];
type StateRow = RecommendationReportData["states"][number];

/** What the recommendation says and where it comes from. */
export function RecommendationFacts({ recommendation }: { recommendation: RecommendationReportData["recommendation"] }) {
  const t = useTranslations("reports");
  const labels = useReferenceLabels();
  return (
    <section className="card recommendation-facts" aria-labelledby="recommendation-facts-title">
      <h2 id="recommendation-facts-title" className="visually-hidden">
        {t("recommendation.factsTitle")}
      </h2>
      <RecommendationText recommendation={recommendation} as="p" className="recommendation-text" />
      <dl className="facts">
        <dt>{t("filters.source")}</dt>
        <dd>
          <TranslatedText text={recommendation.source.title} lang={recommendation.source.titleLang} isFallback={recommendation.source.isFallback} />
        </dd>
        <dt>{t("recommendation.themes")}</dt>
        <dd>{recommendation.themes.length ? recommendation.themes.map((theme) => labels.theme(theme)).join(", ") : t("recommendation.noThemes")}</dd>
        <dt>{t("figures.dueDate")}</dt>
        <dd>{recommendation.dueDate ? <CalendarDate value={recommendation.dueDate} /> : t("figures.noDueDate")}</dd>
      </dl>
    </section>
  );
}

/** The figures, the two distributions, the overdue States and every State's status. */
export function RecommendationReportBody({ report, filters }: { report: RecommendationReportData; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const labels = useReferenceLabels();
  if (report.states.length === 0) {
    return <EmptyState title={t("recommendation.emptyTitle")}>{t("recommendation.emptyText")}</EmptyState>;
  }
  const statusRows = report.distribution.map((entry, index) => ({ key: entry.key, label: labels.status(entry), count: entry.count, color: statusColor(entry.key, index) }));
  const states = t("figures.states");
  return (
    <>
      <section aria-labelledby="recommendation-figures-title">
        <h2 id="recommendation-figures-title">{t("recommendation.figuresTitle")}</h2>
        <FigureTiles figures={report.figures} unit={states} />
      </section>
      <div className="chart-grid">
        <DistributionFigure id="by-status" title={t("recommendation.byStatus")} categoryHeader={t("figures.status")} unit={states} rows={statusRows} />
        <OdihrDistribution id="by-odihr" title={t("recommendation.byOdihr")} unit={states} byOdihr={report.figures.byOdihr} />
      </div>
      <RecommendationOverdue report={report} filters={filters} />
      <RecommendationStatesTable states={report.states} filters={filters} reference={report.recommendation.reference} />
    </>
  );
}

function RecommendationOverdue({ report, filters }: { report: RecommendationReportData; filters: ReportFilterValues }) {
  const t = useTranslations("reports.recommendation");
  const byId = new Map(report.states.map((state) => [state.stateId, state]));
  return (
    <section aria-labelledby="recommendation-overdue-title">
      <h2 id="recommendation-overdue-title">{t("overdueTitle")}</h2>
      {report.overdue.length === 0 ? (
        <p>{t("noneOverdue")}</p>
      ) : (
        <>
          <p>{t("someOverdue", { overdue: report.overdue.length, count: report.states.length })}</p>
          <ul className="report-inline-list">
            {report.overdue.map((state) => (
              <li key={state.stateId}>
                <StateReportLink state={byId.get(state.stateId) ?? { ...state, iso2: "" }} filters={filters} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NoteCell({ state }: { state: StateRow }) {
  const t = useTranslations("reports.recommendation");
  const labels = useReferenceLabels();
  if (!state.note && state.evidence.length === 0) return <span className="muted">{t("noNote")}</span>;
  return (
    <>
      {state.note ? <p className="report-note">{state.note}</p> : null}
      {state.evidence.length ? (
        <ul className="evidence-list" aria-label={t("evidenceLabel", { state: labels.state(state) })}>
          {state.evidence.map((link, index) => (
            <li key={`${index}-${link.url}`}>
              <a href={link.url} rel="noopener noreferrer">
                {link.title}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function RecommendationStatesTable({ states, filters, reference }: { states: StateRow[]; filters: ReportFilterValues; reference: string }) {
  const t = useTranslations("reports");
  const figures = useTranslations("reports.figures");
  const labels = useReferenceLabels();
  return (
    <section aria-labelledby="recommendation-states-title">
      <h2 id="recommendation-states-title">{t("recommendation.statesTitle", { count: states.length })}</h2>
      <DataTable
        caption={t("recommendation.statesCaption", { reference })}
        rows={states}
        rowKey={(state) => state.stateId}
        columns={[
          { key: "state", header: figures("state"), rowHeader: true, cell: (state) => <StateReportLink state={state} filters={filters} /> },
          ...statusColumns<StateRow>(
            (state) => ({ ...state, progressLabel: t("recommendation.progressOf", { state: labels.state(state) }), lastAcceptedAt: state.acceptedAt }),
            figures("lastAccepted"),
            figures,
          ),
          { key: "note", header: t("recommendation.noteColumn"), className: "report-note-cell", cell: (state) => <NoteCell state={state} /> },
        ]}
      />
    </section>
  );
}

/** A State's report card, for the same filters (the card covers the State whatever the group). */
function StateReportLink({ state, filters }: { state: { stateId: string; name: string; iso2: string }; filters: ReportFilterValues }) {
  const labels = useReferenceLabels();
  return <Link href={`/reports/states/${state.stateId}${reportQuery({ ...filters, stateGroup: "participating" })}`}>{labels.state(state)}</Link>;
}
