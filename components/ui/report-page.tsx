import { cache, type ReactNode } from "react";
import { ExportLinks, type ExportSpec } from "@/components/reports/export-links";
import { FigureNotes, type FigureKey } from "@/components/reports/figure-notes";
import { ReportFilters, type ReportFilterOptions } from "@/components/reports/report-filters";
import { ReportsNav, type ReportSection } from "@/components/reports/reports-nav";
import { passes, zId } from "@/server/schemas/common";
import { readReportFilters, type ReportFilterValues, type SearchParams } from "@/components/url-params";

/**
 * What every report page shows around its figures, in the same order: the tabs between the
 * reports (keeping the filters), the title and what the report shows, the filters, the report's
 * own controls, the downloads, then the report, and last how its figures are computed.
 */
export function ReportPage({
  section,
  title,
  lead,
  filters,
  options,
  hidden,
  showStateGroup,
  controls,
  tools,
  downloads,
  notes,
  children,
}: {
  section: ReportSection;
  title: string;
  /** Under the title: a sentence (shown muted) or the subject's facts. */
  lead: ReactNode;
  filters: ReportFilterValues;
  options: ReportFilterOptions;
  /** The report's own parameters that the filters form keeps. */
  hidden?: Record<string, string>;
  showStateGroup?: boolean;
  /** The report's own forms (e.g. the trend's periods), under the filters. */
  controls?: ReactNode;
  /** Beside the downloads (e.g. sort links); left out with them when there is nothing to show. */
  tools?: ReactNode;
  /** null: nothing to download (an empty report). */
  downloads?: ExportSpec | null;
  notes: FigureKey[];
  children: ReactNode;
}) {
  return (
    <>
      <ReportsNav current={section} filters={filters} />
      <h1>{title}</h1>
      {typeof lead === "string" ? <p className="muted">{lead}</p> : lead}
      <ReportFilters values={filters} options={options} hidden={hidden} showStateGroup={showStateGroup} />
      {controls}
      {tools || downloads ? (
        <div className="report-toolbar">
          {tools}
          {downloads ? <ExportLinks filters={filters} {...downloads} /> : null}
        </div>
      ) : null}
      {children}
      <FigureNotes keys={notes} />
    </>
  );
}

type OptionsCaller = {
  sources: { list: () => Promise<ReportFilterOptions["sources"]> };
  recommendations: { themes: () => Promise<ReportFilterOptions["themes"]> };
};

/** The choices of the report filters (sources and themes), read alongside the report. */
export async function readReportOptions(caller: OptionsCaller): Promise<ReportFilterOptions> {
  const [sources, themes] = await Promise.all([caller.sources.list(), caller.recommendations.themes()]);
  return { sources: sources.map(({ id, title }) => ({ id, title })), themes: themes.map(({ key, label }) => ({ key, label })) };
}

export type SubjectPageProps = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/**
 * The report of one subject (a State, a recommendation) for its page and the page's title, read
 * once per request: `read` gets the id from the path and the filters from the URL, and answers
 * null when there is no such subject (an id that is not an id is none either).
 */
export function subjectReportLoader<T>(read: (id: string, filters: ReportFilterValues) => Promise<T | null>) {
  const load = cache(async (id: string, filtersKey: string) => (passes(zId, id) ? read(id, JSON.parse(filtersKey) as ReportFilterValues) : null));
  return async ({ params, searchParams }: SubjectPageProps) => {
    const { id } = await params;
    const filters = readReportFilters(await searchParams);
    return { filters, report: await load(id, JSON.stringify(filters)) };
  };
}
