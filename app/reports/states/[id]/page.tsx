import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller, nullIfNotFound } from "@/server/api/server-caller";
import { zId } from "@/server/schemas/common";
import { ExportLinks } from "@/components/reports/export-links";
import { FigureNotes } from "@/components/reports/figure-notes";
import { ReportFilters } from "@/components/reports/report-filters";
import { readReportFilters, type ReportFilterValues, type ReportSearchParams } from "@/components/reports/report-params";
import { ReportsNav } from "@/components/reports/reports-nav";
import { StateReportBody, stateKindLabel } from "@/components/reports/state-report";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<ReportSearchParams> };

// Shared by the page and its title within one request; null when there is no such State.
const loadReport = cache(async (id: string, filtersKey: string) => {
  if (!zId.safeParse(id).success) return null;
  const filters = JSON.parse(filtersKey) as ReportFilterValues;
  const caller = await getServerCaller();
  return nullIfNotFound(caller.reports.state({ ...filters, stateId: id }));
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { id } = await params;
  const report = await loadReport(id, JSON.stringify(readReportFilters(await searchParams)));
  return { title: report ? `Report card: ${report.state.name}` : "State not found" };
}

/** Public: one State's report card. The card always covers the State itself, whatever the group filter. */
export default async function StateReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const filters = readReportFilters(await searchParams);
  const report = await loadReport(id, JSON.stringify(filters));
  if (!report) notFound();
  const caller = await getServerCaller();
  const [sources, themes, me] = await Promise.all([caller.sources.list(), caller.recommendations.themes(), caller.account.me()]);
  // Only the secretariat receives internal assessments; its downloads are public unless it asks.
  const secretariat = me?.role === "ADMIN" || me?.role === "ANALYST";
  return (
    <>
      <ReportsNav current="/reports/states" filters={filters} />
      <h1>Report card: {report.state.name}</h1>
      <p className="muted">{stateKindLabel(report.state)}</p>
      <ReportFilters
        values={filters}
        sources={sources}
        themes={themes}
        showStateGroup={false}
        hidden={filters.stateGroup === "participating" ? {} : { stateGroup: filters.stateGroup }}
      />
      <ExportLinks report="state" filters={filters} extra={{ stateId: report.state.id }} internalOption={secretariat} />
      <StateReportBody report={report} filters={filters} />
      <FigureNotes keys={["counted", "meanProgress", "shareImplemented", "overdue", "disagreement", "asOf"]} />
    </>
  );
}
