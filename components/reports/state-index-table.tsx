import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { formatProgress, formatShare } from "@/server/shared/figures";
import { reportQuery, type ReportFilterValues } from "@/components/reports/report-params";
import { ScrollTable } from "@/components/reports/charts/scroll-table";

type Matrix = inferRouterOutputs<AppRouter>["reports"]["matrix"];
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
export function StateIndexTable({ states, filters }: { states: Matrix["states"]; filters: ReportFilterValues }) {
  return (
    <ScrollTable label="States and their scores">
      <table>
        <caption className="visually-hidden">States and their scores ({states.length})</caption>
        <thead>
          <tr>
            <th scope="col">State</th>
            <th scope="col" className="report-num">
              Commitments
            </th>
            <th scope="col" className="report-num">
              Counted
            </th>
            <th scope="col" className="report-num">
              Score (mean progress)
            </th>
            <th scope="col" className="report-num">
              Share implemented
            </th>
          </tr>
        </thead>
        <tbody>
          {states.map((state) => (
            <tr key={state.id}>
              <th scope="row">
                <Link href={`/reports/states/${state.id}${reportQuery(filters)}`}>{state.name}</Link>
              </th>
              <td className="report-num">{state.figures.commitments}</td>
              <td className="report-num">{state.figures.counted}</td>
              <td className="report-num">{formatProgress(state.figures.meanProgress)}</td>
              <td className="report-num">{formatShare(state.figures.shareImplemented)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
