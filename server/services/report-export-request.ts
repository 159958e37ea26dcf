import "server-only";
import * as z from "zod/mini";
import "@/server/platform/zod-messages";
import type { Actor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { DomainError } from "@/server/services/errors";
import { validationText } from "@/server/i18n/server-messages";
import { csvStream } from "@/server/services/exports/csv";
import { renderInWorker, renderReserved, reserveRender } from "@/server/services/exports/render-pool";
import type { ExportDocument } from "@/server/services/exports/table";
import { matrixDocument, overdueDocument, recommendationDocument, stateDocument, trendDocument } from "@/server/services/report-exports";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
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
  /** Absent: the public version, whoever downloads. "include": the secretariat's internal content too, marked. */
  internal: z.optional(z.enum(["include"])),
});

/** Query string -> filters: every value is a string; numbers and empty values are converted. */
function filtersFrom(params: URLSearchParams) {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === "report" || key === "format" || key === "internal" || value === "") continue;
    raw[key] = key === "periods" ? Number(value) : value;
  }
  return raw;
}

export function parse<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${validationText(issue.message)}`).join("; ");
    throw new DomainError("BAD_REQUEST", { key: "server.invalidParameters", values: { problems } });
  }
  return parsed.data;
}

/**
 * Builds the export a URL asks for: the same report functions as the pages, so the same figures.
 * A downloaded file travels further than a page, so it is the public version unless the
 * secretariat asks for its internal content explicitly (`internal=include`). Written in the
 * reader's language (`locale`, chosen as for the pages).
 */
export async function buildExport(actor: Actor, params: URLSearchParams, locale: Locale = DEFAULT_LOCALE) {
  if (actor.kind === "user" && actor.mustChangePassword) throw new DomainError("FORBIDDEN", "access.mustChangePassword");
  const query = parse(ZExportQuery, { report: params.get("report"), format: params.get("format"), internal: params.get("internal") ?? undefined });
  const { report, format } = query;
  if (query.internal && !isSecretariat(actor)) throw new DomainError("FORBIDDEN", "access.internalContent");
  const reader: Actor = query.internal ? actor : { kind: "public", requestId: actor.requestId };
  const filters = filtersFrom(params);
  const read = documentReader(reader, report, filters, locale);
  // PDF and Excel wait for a render place before reading the report (503 when the queue is full).
  const releasePlace = format === "csv" ? null : await reserveRender();
  let document: ExportDocument;
  try {
    document = await read();
  } catch (error) {
    releasePlace?.();
    throw error;
  }
  const target = EXPORT_FORMATS[format];
  const name = (slug: string) => `${slug || report}${query.internal ? "-internal" : ""}-${new Date().toISOString().slice(0, 10)}.${target.extension}`;
  const body = releasePlace && format !== "csv" ? renderReserved(format, document, releasePlace) : target.write(document);
  return { body, contentType: target.type, ...downloadNames(document.title, name) };
}

/**
 * A download's file names from its title: `filename` in ASCII for every client (accents dropped;
 * `name` gets "" where nothing is left, as from a Russian title), `unicodeFilename` in the reader's
 * language for those that read it.
 */
export function downloadNames(title: string, name: (slug: string) => string) {
  return {
    filename: name(slugOf(title.normalize("NFD").replace(/\p{M}/gu, ""), /[^a-z0-9]+/g)),
    unicodeFilename: name(slugOf(title, /[^\p{L}\p{N}]+/gu)),
  };
}

function slugOf(title: string, separators: RegExp) {
  return title.toLocaleLowerCase().replace(separators, "-").replace(/^-|-$/g, "");
}

/** Checks the filters at once (400 before any waiting); the returned function reads the report. */
function documentReader(actor: Actor, report: z.output<typeof ZExportQuery>["report"], filters: Record<string, unknown>, locale: Locale): () => Promise<ExportDocument> {
  switch (report) {
    case "matrix": {
      const input = parse(ZMatrixInput, filters);
      return () => matrixDocument(actor, input, locale);
    }
    case "recommendation": {
      const input = parse(ZRecommendationReportInput, filters);
      return () => recommendationDocument(actor, input, locale);
    }
    case "state": {
      const input = parse(ZStateReportInput, filters);
      return () => stateDocument(actor, input, locale);
    }
    case "trend": {
      const input = parse(ZTrendInput, filters);
      return () => trendDocument(actor, input, locale);
    }
    case "overdue": {
      const input = parse(ZReportFilters, filters);
      return () => overdueDocument(actor, input, locale);
    }
  }
}
