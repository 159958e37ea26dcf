"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type StackSeries = { key: string; label: string; color: string };
export type StackPoint = { label: string; counts: Record<string, number> };

const INK = "#1a1f2b";

/**
 * Bars stacked by series over periods. A white outline separates neighbouring segments, the
 * legend names each colour in dark text, and the page renders the numbers as a table too.
 */
export default function StackedBarChart({ series, points }: { series: StackSeries[]; points: StackPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <BarChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#d1d5db" />
        <XAxis dataKey="label" tick={{ fill: INK, fontSize: 12 }} stroke="#6b7280" interval="preserveStartEnd" minTickGap={8} />
        <YAxis allowDecimals={false} tick={{ fill: INK, fontSize: 12 }} stroke="#6b7280" width={44} />
        <Tooltip itemStyle={{ color: INK }} labelStyle={{ color: INK, fontWeight: 600 }} cursor={{ fill: "rgba(0,0,0,0.06)" }} />
        <Legend itemSorter={null} formatter={(value) => <span style={{ color: INK }}>{value}</span>} />
        {series.map((entry) => (
          <Bar
            key={entry.key}
            name={entry.label}
            dataKey={(point: StackPoint) => point.counts[entry.key] ?? 0}
            stackId="statuses"
            fill={entry.color}
            stroke="#ffffff"
            strokeWidth={1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
