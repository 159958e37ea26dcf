import "server-only";
import type { z } from "zod";
import { queryRows } from "@/server/db/client";
import type { Actor } from "@/server/services/access";
import { isoDay, startOfDayUtc, startOfTodayUtc } from "@/server/services/core/dates";
import { overdueSql } from "@/server/services/reports/overdue.sql";
import { ZOverdueInput } from "@/server/schemas/reports";
import { shownText, type ShownText, type TextColumns } from "@/server/services/core/content-language.sql";
import { DEFAULT_LOCALE, type Locale } from "@/server/shared/locales";
import { sortStatesByName } from "@/server/shared/state-names";

/**
 * Commitments past their due date without an accepted update, grouped by State, earliest due
 * first: every State's count, and its first `perState` commitments (all when not given). States
 * in name order of the reader's language.
 */
export async function getOverdue(_actor: Actor, rawInput: z.input<typeof ZOverdueInput>, locale: Locale = DEFAULT_LOCALE) {
  const input = ZOverdueInput.parse(rawInput);
  const day = input.asOf ? startOfDayUtc(input.asOf) : startOfTodayUtc();
  type Row = TextColumns & {
    state_id: string;
    name: string;
    iso2: string;
    state_total: number;
    commitment_id: string;
    rec_id: string;
    reference: string;
    due_date: string;
    status_key: string;
    status_label: string;
    progress: number;
  };
  const rows = await queryRows<Row>(overdueSql(input, day, locale));
  type Group = {
    stateId: string;
    name: string;
    iso2: string;
    /** All of the State's overdue commitments; `commitments` holds the first `perState` of them. */
    total: number;
    commitments: ({ commitmentId: string; recommendationId: string; reference: string; dueDate: string; status: { key: string; label: string }; progress: number } & ShownText)[];
  };
  const groups = new Map<string, Group>();
  for (const row of rows) {
    let group = groups.get(row.state_id);
    if (!group) groups.set(row.state_id, (group = { stateId: row.state_id, name: row.name, iso2: row.iso2, total: row.state_total, commitments: [] }));
    group.commitments.push({
      commitmentId: row.commitment_id,
      recommendationId: row.rec_id,
      reference: row.reference,
      ...shownText(row, locale),
      dueDate: row.due_date,
      status: { key: row.status_key, label: row.status_label },
      progress: row.progress,
    });
  }
  const states = sortStatesByName([...groups.values()], locale);
  return { filters: input, asOf: isoDay(day), total: states.reduce((sum, state) => sum + state.total, 0), states };
}
