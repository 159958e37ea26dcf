import "server-only";
import type { z } from "zod";
import { queryRows } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { FigureAccumulator } from "@/server/services/compliance-figures";
import type { OdihrLevel } from "@/server/shared/figures";
import { endOfDayUtc, todayIsoUtc } from "@/server/services/core/dates";
import { DomainError } from "@/server/services/errors";
import { isOverdueOn, type StatusRow } from "@/server/services/reports/cells";
import { recommendationStatesSql, recommendationWithScaleSql } from "@/server/services/reports/recommendation-report.sql";
import { ZRecommendationReportInput } from "@/server/schemas/reports";
import { shownSourceTitle, shownText, type SourceTitleColumns, type TextColumns } from "@/server/services/core/content-language.sql";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { sortStatesByName } from "@/server/shared/state-names";

/**
 * One recommendation across States: distribution by status and ODIHR level, each State's status
 * and the public part of its last accepted update (the note, which becomes public on acceptance,
 * and only the evidence links marked public), and the overdue States. One query for the rows
 * (evidence included), in parallel with the recommendation itself; figures from the rows. Text,
 * source title and the order of the States follow the reader's language.
 */
export async function getRecommendationReport(_actor: Actor, rawInput: z.input<typeof ZRecommendationReportInput>, locale: Locale = DEFAULT_LOCALE) {
  const input = ZRecommendationReportInput.parse(rawInput);
  const asOfEnd = input.asOf ? endOfDayUtc(input.asOf) : new Date();
  const [recommendation, rows] = await Promise.all([
    queryRows<
      TextColumns &
        SourceTitleColumns & { id: string; reference: string; dueDate: string | null; source_id: string; themes: { key: string; label: string }[]; statuses: StatusRow[] }
    >(recommendationWithScaleSql(input.recommendationId, locale)).then((rows) => rows[0] ?? null),
    queryRows<{
      state_id: string;
      name: string;
      iso2: string;
      status_id: string;
      status_key: string;
      status_label: string;
      progress: number;
      accepted_at: string | null;
      due_date: string | null;
      counts: boolean;
      odihr: OdihrLevel | null;
      narrative: string | null;
      evidence: { title: string; url: string }[] | null;
    }>(recommendationStatesSql(input, asOfEnd)),
  ]);
  if (!recommendation) throw new DomainError("NOT_FOUND", "notFound.recommendationReport");
  const today = input.asOf ?? todayIsoUtc();
  const figures = new FigureAccumulator();
  const countByStatus = new Map<string, number>();
  const states = sortStatesByName(rows, locale).map((row) => {
    figures.add(row.progress, row.counts, row.odihr);
    countByStatus.set(row.status_id, (countByStatus.get(row.status_id) ?? 0) + 1);
    return {
      stateId: row.state_id,
      name: row.name,
      iso2: row.iso2,
      status: { key: row.status_key, label: row.status_label },
      progress: row.progress,
      acceptedAt: row.accepted_at,
      dueDate: row.due_date,
      overdue: isOverdueOn(row.due_date, row.accepted_at, today),
      note: row.narrative,
      evidence: row.evidence ?? [],
    };
  });
  return {
    filters: input,
    recommendation: {
      id: recommendation.id,
      reference: recommendation.reference,
      ...shownText(recommendation, locale),
      dueDate: recommendation.dueDate,
      source: { id: recommendation.source_id, ...shownSourceTitle(recommendation, locale) },
      themes: recommendation.themes,
    },
    statuses: recommendation.statuses,
    distribution: recommendation.statuses.map((status) => ({ key: status.key, label: status.label, count: countByStatus.get(status.id) ?? 0 })),
    figures: figures.figures(),
    states,
    overdue: states.filter((state) => state.overdue).map((state) => ({ stateId: state.stateId, name: state.name, dueDate: state.dueDate })),
  };
}
