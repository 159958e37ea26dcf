import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { reportQuery, type ReportFilterValues } from "@/components/url-params";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { figureColumns } from "@/components/reports/figure-columns";

type State = inferRouterOutputs<AppRouter>["reports"]["matrix"]["states"][number];
export type StateSort = "name" | "score";

/** Links that re-sort the list, keeping the filters; the current order is marked for screen readers too. */
export function StateSortLinks({ sort, filters }: { sort: StateSort; filters: ReportFilterValues }) {
  const options: { value: StateSort; label: string }[] = [
    { value: "name", label: "Name" },
    { value: "score", label: "Score, highest first" },
  ];
  return (
    <p className="sort-links">
      Sort by:{" "}
      {options.map((option, index) => (
        <span key={option.value}>
          {index > 0 ? " · " : null}
          <Link href={`/reports/states${reportQuery(filters, { sort: option.value === "name" ? undefined : option.value })}`} aria-current={sort === option.value ? "true" : undefined}>
            {option.label}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** The States of the chosen group with their score, each linking to its report card. */
export function StateIndexTable({ states, filters }: { states: State[]; filters: ReportFilterValues }) {
  return (
    <DataTable
      caption={`States and their scores (${states.length})`}
      label="States and their scores"
      rows={states}
      rowKey={(state) => state.id}
      empty={<EmptyState title="No State has commitments that match these filters.">Choose another source, theme or group of States, or a later “As of” date.</EmptyState>}
      columns={[
        { key: "state", header: "State", rowHeader: true, cell: (state) => <Link href={`/reports/states/${state.id}${reportQuery(filters)}`}>{state.name}</Link> },
        ...figureColumns<State>({ commitments: "Commitments", counted: "Counted", meanProgress: "Score (mean progress)", shareImplemented: "Share implemented" }),
      ]}
    />
  );
}
