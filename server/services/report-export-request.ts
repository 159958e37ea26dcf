import { z } from "zod";
import type { Actor } from "@/server/services/access";
import { DomainError } from "@/server/services/errors";
import { csvStream } from "@/server/services/exports/csv";
import { renderInWorker } from "@/server/services/exports/render-pool";
import type { ExportDocument } from "@/server/services/exports/table";
import { matrixDocument, overdueDocument, recommendationDocument, stateDocument, trendDocument } from "@/server/services/report-exports";
import { ZMatrixInput, ZRecommendationReportInput, ZReportFilters, ZStateReportInput, ZTrendInput } from "@/server/schemas/reports";

// CSV is streamed on the event loop in 64 KB steps (cheap per row); PDF and Excel take seconds of
// synchronous work on a large report, so they are written in worker threads (render-pool.ts).
export const EXPORT_FORMATS = {
  csv: { type: "text/csv; charset=utf-8", extension: "csv", write: csvStream },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx", write: (document: ExportDocument) => renderInWorker("xlsx", document) },
  pdf: { type: "application/pdf", extension: "pdf", write: (document: ExportDocument) => renderInWorker("pdf", document) },
} as const;

const ZExportQuery = z.object({
  report: z.enum(["matrix", "recommendation", "state", "trend", "overdue"]),
  format: z.enum(["csv", "xlsx", "pdf"]),
});

/** Query string -> filters: every value is a string; numbers and empty values are converted. */
function filtersFrom(params: URLSearchParams) {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === "report" || key === "format" || value === "") continue;
    raw[key] = key === "periods" ? Number(value) : value;
  }
  return raw;
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError("BAD_REQUEST", parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  return parsed.data;
}

/** Builds the export a URL asks for: the same report functions as the pages, so the same figures. */
export async function buildExport(actor: Actor, params: URLSearchParams) {
  const { report, format } = parse(ZExportQuery, { report: params.get("report"), format: params.get("format") });
  const filters = filtersFrom(params);
  let document: ExportDocument;
  switch (report) {
    case "matrix":
      document = await matrixDocument(actor, parse(ZMatrixInput, filters));
      break;
    case "recommendation":
      document = await recommendationDocument(actor, parse(ZRecommendationReportInput, filters));
      break;
    case "state":
      document = await stateDocument(actor, parse(ZStateReportInput, filters));
      break;
    case "trend":
      document = await trendDocument(actor, parse(ZTrendInput, filters));
      break;
    case "overdue":
      document = await overdueDocument(actor, parse(ZReportFilters, filters));
      break;
  }
  const target = EXPORT_FORMATS[format];
  const filename = `${document.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${new Date().toISOString().slice(0, 10)}.${target.extension}`;
  return { body: target.write(document), contentType: target.type, filename };
}
