import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { referenceLabelsFor } from "@/server/i18n/catalogs";
import "@/app/reports.css";
import "@/app/reports-charts.css";
import { getServerCaller, nullIfNotFound } from "@/server/api/server-caller";
import { StateReportBody, stateKindLabel } from "@/components/reports/state-report";
import { ReportPage, readReportOptions, subjectReportLoader, type SubjectPageProps } from "@/components/ui/report-page";

// Shared by the page and its title within one request; null when there is no such State.
const loadReport = subjectReportLoader(async (id, filters) => nullIfNotFound((await getServerCaller()).reports.state({ ...filters, stateId: id })));

export async function generateMetadata(props: SubjectPageProps): Promise<Metadata> {
  const [{ report }, t, labels] = await Promise.all([loadReport(props), getTranslations("reports.state"), getLocale().then(referenceLabelsFor)]);
  return { title: report ? t("title", { state: labels.state(report.state) }) : t("notFound") };
}

/** Public: one State's report card. The card always covers the State itself, whatever the group filter. */
export default async function StateReportPage(props: SubjectPageProps) {
  const { report, filters } = await loadReport(props);
  if (!report) notFound();
  const caller = await getServerCaller();
  const [options, me, t, labels] = await Promise.all([
    readReportOptions(caller),
    caller.account.me(),
    getTranslations("reports.state"),
    getLocale().then(referenceLabelsFor),
  ]);
  // Only the secretariat receives internal assessments; its downloads are public unless it asks.
  const secretariat = me?.role === "ADMIN" || me?.role === "ANALYST";
  return (
    <ReportPage
      section="/reports/states"
      title={t("title", { state: labels.state(report.state) })}
      lead={stateKindLabel(report.state, t)}
      filters={filters}
      options={options}
      showStateGroup={false}
      hidden={filters.stateGroup === "participating" ? {} : { stateGroup: filters.stateGroup }}
      downloads={{ report: "state", extra: { stateId: report.state.id }, internalOption: secretariat }}
      notes={["counted", "meanProgress", "shareImplemented", "overdue", "disagreement", "asOf"]}
    >
      <StateReportBody report={report} filters={filters} />
    </ReportPage>
  );
}
