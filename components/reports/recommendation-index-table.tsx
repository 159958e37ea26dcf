import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { formatProgress, formatShare } from "@/server/shared/figures";
import { reportQuery, type ReportFilterValues } from "@/components/reports/report-params";
import { ScrollTable } from "@/components/reports/charts/scroll-table";

type Matrix = inferRouterOutputs<AppRouter>["reports"]["matrix"];

/** The published recommendations of the filters, each linking to its report. */
export function RecommendationIndexTable({ recommendations, filters }: { recommendations: Matrix["recommendations"]; filters: ReportFilterValues }) {
  return (
    <ScrollTable label="Published recommendations">
      <table>
        <caption className="visually-hidden">Published recommendations ({recommendations.length})</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Recommendation</th>
            <th scope="col" className="report-num">
              States
            </th>
            <th scope="col" className="report-num">
              Mean progress
            </th>
            <th scope="col" className="report-num">
              Share implemented
            </th>
          </tr>
        </thead>
        <tbody>
          {recommendations.map((recommendation) => (
            <tr key={recommendation.id}>
              <th scope="row">
                <Link href={`/reports/recommendations/${recommendation.id}${reportQuery(filters)}`}>{recommendation.reference}</Link>
              </th>
              <td className="report-text-cell">
                {recommendation.text}
                {recommendation.text.length >= 160 ? "…" : ""}
              </td>
              <td className="report-num">{recommendation.figures.commitments}</td>
              <td className="report-num">{formatProgress(recommendation.figures.meanProgress)}</td>
              <td className="report-num">{formatShare(recommendation.figures.shareImplemented)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
