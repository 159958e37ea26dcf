import { useTranslations } from "next-intl";
import { useReferenceLabels } from "@/components/i18n/use-reference-labels";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DataTable } from "@/components/ui/data-table";
import { CalendarDate } from "@/components/ui/dates";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { RecommendationText } from "@/components/recommendations/recommendation-display";
import type { Locale } from "@/server/shared/locales";

export type OverdueState = {
  stateId: string;
  name: string;
  iso2: string;
  /** All of the State's overdue commitments; `commitments` may hold only the earliest due. */
  total: number;
  commitments: { commitmentId: string; recommendationId: string; reference: string; text: string; textLang: Locale; isFallback: boolean; dueDate: string; status: { key: string; label: string }; progress: number }[];
};

/** Overdue commitments, one section per State: a heading with the count, then a table. */
export function OverdueList({ states, filters }: { states: OverdueState[]; filters: ReportFilterValues }) {
  const t = useTranslations("reports");
  const labels = useReferenceLabels();
  const query = reportQuery(filters);
  return (
    <>
      <nav aria-label={t("overdue.statesLabel")}>
        <ul className="overdue-states-index">
          {states.map((state) => (
            <li key={state.stateId}>
              <a href={`#overdue-${state.iso2}`}>
                {labels.state(state)} ({state.total})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {states.map((state) => {
        const headingId = `overdue-${state.iso2}`;
        const name = labels.state(state);
        return (
          <section key={state.stateId} className="overdue-state" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {name} <span className="overdue-count">{t("overdue.count", { count: state.total })}</span>
            </h2>
            <p>
              {state.total > state.commitments.length ? <>{t("overdue.shown", { shown: state.commitments.length, total: state.total })} </> : null}
              <a href={`/reports/states/${state.stateId}${query}`}>{t("overdue.reportCard", { state: name })}</a>
            </p>
            <DataTable
              caption={t("overdue.tableCaption", { state: name })}
              className="overdue-table"
              rows={state.commitments}
              rowKey={(commitment) => commitment.commitmentId}
              columns={[
                {
                  key: "reference",
                  header: t("figures.reference"),
                  rowHeader: true,
                  cell: (commitment) => <a href={`/reports/recommendations/${commitment.recommendationId}${query}`}>{commitment.reference}</a>,
                },
                { key: "text", header: t("figures.recommendation"), className: "overdue-text", cell: (commitment) => <RecommendationText recommendation={commitment} /> },
                { key: "due", header: t("figures.dueDate"), cell: (commitment) => <CalendarDate value={commitment.dueDate} /> },
                { key: "status", header: t("figures.status"), cell: (commitment) => <StatusBadge statusKey={commitment.status.key} label={labels.status(commitment.status)} /> },
                {
                  key: "progress",
                  header: t("figures.progress"),
                  cell: (commitment) => <ProgressBar value={commitment.progress} label={t("overdue.progressOf", { reference: commitment.reference, state: name })} />,
                },
              ]}
            />
          </section>
        );
      })}
    </>
  );
}
