import "server-only";
import type { z } from "zod";
import { queryRows } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isSecretariat } from "@/server/services/access";
import { FigureAccumulator } from "@/server/services/compliance-figures";
import type { OdihrLevel } from "@/server/shared/figures";
import { endOfDayUtc, todayIsoUtc } from "@/server/services/core/dates";
import { DomainError } from "@/server/services/errors";
import { isOverdueOn } from "@/server/services/reports/cells";
import { reportStateSql, stateCommitmentsSql } from "@/server/services/reports/state-report.sql";
import { ZStateReportInput } from "@/server/schemas/reports";
import { shownSourceTitle, shownText, type SourceTitleColumns, type TextColumns } from "@/server/services/core/content-language.sql";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";

/**
 * One State's report card: its commitments, score, ODIHR distribution, and where the assessment
 * disagrees. One query for the rows, in parallel with the State itself; figures from the rows.
 */
export async function getStateReport(actor: Actor, rawInput: z.input<typeof ZStateReportInput>, locale: Locale = DEFAULT_LOCALE) {
  const input = ZStateReportInput.parse({ ...rawInput, stateGroup: "all" });
  const showInternal = isSecretariat(actor);
  const asOfEnd = input.asOf ? endOfDayUtc(input.asOf) : new Date();
  const [state, rows] = await Promise.all([
    queryRows<{ id: string; name: string; iso2: string; kind: "PARTICIPATING" | "PARTNER"; partnerGroup: string | null }>(reportStateSql(input.stateId)).then((rows) => rows[0] ?? null),
    queryRows<
      TextColumns &
        SourceTitleColumns & {
      commitment_id: string;
      rec_id: string;
      reference: string;
      status_id: string;
      status_key: string;
      status_label: string;
      progress: number;
      counts: boolean;
      odihr: OdihrLevel | null;
      accepted_at: string | null;
      due_date: string | null;
      last_update_at: string | null;
      assessment_status_id: string | null;
      assessment_key: string | null;
      assessment_label: string | null;
      assessment_rationale: string | null;
      assessment_public: boolean | null;
        }
    >(stateCommitmentsSql(input, asOfEnd, showInternal, locale)),
  ]);
  if (!state) throw new DomainError("NOT_FOUND", "notFound.state");
  const today = input.asOf ?? todayIsoUtc();
  const figures = new FigureAccumulator();
  const commitments = rows.map((row) => {
    figures.add(row.progress, row.counts, row.odihr);
    const assessed = row.assessment_status_id !== null;
    return {
      commitmentId: row.commitment_id,
      recommendationId: row.rec_id,
      reference: row.reference,
      ...shownText(row, locale),
      source: shownSourceTitle(row, locale),
      status: { key: row.status_key, label: row.status_label },
      progress: row.progress,
      acceptedAt: row.accepted_at,
      lastUpdateAt: row.last_update_at,
      dueDate: row.due_date,
      overdue: isOverdueOn(row.due_date, row.accepted_at, today),
      assessment: assessed
        ? { key: row.assessment_key!, label: row.assessment_label!, rationale: row.assessment_rationale, isPublic: row.assessment_public ?? false }
        : null,
      disagreement: assessed && row.assessment_status_id !== row.status_id,
    };
  });
  return {
    filters: input,
    state,
    figures: figures.figures(),
    commitments,
    disagreements: commitments.filter((commitment) => commitment.disagreement),
  };
}
