"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

// recharts is large: it is loaded only by the pages that draw a chart, and only in the browser.
// The numbers are always on the page already, in a server-rendered table under each chart.

function ChartLoading() {
  const t = useTranslations("reports");
  return <p className="chart-loading muted">{t("loadingChart")}</p>;
}

export const LazyCategoryBarChart = dynamic(() => import("@/components/reports/charts/category-bar-chart"), {
  ssr: false,
  loading: ChartLoading,
});

export const LazyStackedBarChart = dynamic(() => import("@/components/reports/charts/stacked-bar-chart"), {
  ssr: false,
  loading: ChartLoading,
});
