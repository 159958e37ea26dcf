import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller, nullIfNotFound } from "@/server/api/server-caller";
import { zId } from "@/server/schemas/common";
import { ExportLinks } from "@/components/reports/export-links";
import { FigureNotes } from "@/components/reports/figure-notes";
import { RecommendationFacts, RecommendationReportBody } from "@/components/reports/recommendation-report";
import { ReportFilters } from "@/components/reports/report-filters";
import { readReportFilters, type ReportFilterValues, type ReportSearchParams } from "@/components/reports/report-params";
import { ReportsNav } from "@/components/reports/reports-nav";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<ReportSearchParams> };

// Shared by the page and its title within one request; null when there is no such published recommendation.
const loadReport = cache(async (id: string, filtersKey: string) => {
  if (!zId.safeParse(id).success) return null;
  const filters = JSON.parse(filtersKey) as ReportFilterValues;
  const caller = await getServerCaller();
  return nullIfNotFound(caller.reports.recommendation({ ...filters, recommendationId: id }));
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { id } = await params;
  const report = await loadReport(id, JSON.stringify(readReportFilters(await searchParams)));
  return { title: report ? `Recommendation ${report.recommendation.reference}` : "Recommendation not found" };
}

/** Public: one recommendation across the States it is addressed to. */
export default async function RecommendationReportPage({ params, searchParams }: Props) {
  const { id } = await params;
  const filters = readReportFilters(await searchParams);
  const report = await loadReport(id, JSON.stringify(filters));
  if (!report) notFound();
  const caller = await getServerCaller();
  const [sources, themes] = await Promise.all([caller.sources.list(), caller.recommendations.themes()]);
  return (
    <>
      <ReportsNav current="/reports/recommendations" filters={filters} />
      <h1>Recommendation {report.recommendation.reference}</h1>
      <RecommendationFacts recommendation={report.recommendation} />
      <ReportFilters values={filters} sources={sources} themes={themes} />
      <ExportLinks report="recommendation" filters={filters} extra={{ recommendationId: report.recommendation.id }} />
      <RecommendationReportBody report={report} filters={filters} />
      <FigureNotes keys={["counted", "shareImplemented", "meanProgress", "overdue", "asOf"]} />
    </>
  );
}
