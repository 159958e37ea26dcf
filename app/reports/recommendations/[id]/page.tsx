import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller, nullIfNotFound } from "@/server/api/server-caller";
import { RecommendationFacts, RecommendationReportBody } from "@/components/reports/recommendation-report";
import { ReportPage, readReportOptions, subjectReportLoader, type SubjectPageProps } from "@/components/ui/report-page";

// Shared by the page and its title within one request; null when there is no such published recommendation.
const loadReport = subjectReportLoader(async (id, filters) => nullIfNotFound((await getServerCaller()).reports.recommendation({ ...filters, recommendationId: id })));

export async function generateMetadata(props: SubjectPageProps): Promise<Metadata> {
  const [{ report }, t] = await Promise.all([loadReport(props), getTranslations("reports.recommendation")]);
  return { title: report ? t("title", { reference: report.recommendation.reference }) : t("notFound") };
}

/** Public: one recommendation across the States it is addressed to. */
export default async function RecommendationReportPage(props: SubjectPageProps) {
  const { report, filters } = await loadReport(props);
  if (!report) notFound();
  const [options, t] = await Promise.all([readReportOptions(await getServerCaller()), getTranslations("reports.recommendation")]);
  return (
    <ReportPage
      section="/reports/recommendations"
      title={t("title", { reference: report.recommendation.reference })}
      lead={<RecommendationFacts recommendation={report.recommendation} />}
      filters={filters}
      options={options}
      downloads={{ report: "recommendation", extra: { recommendationId: report.recommendation.id } }}
      notes={["counted", "shareImplemented", "meanProgress", "overdue", "asOf"]}
    >
      <RecommendationReportBody report={report} filters={filters} />
    </ReportPage>
  );
}
