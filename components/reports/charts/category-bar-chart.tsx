"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Text, XAxis, YAxis } from "recharts";

export type CategoryDatum = { key: string; label: string; count: number; color: string };

const INK = "#1a1f2b";
const LABEL_WIDTH = 130;

type TickProps = { x?: number | string; y?: number | string; payload?: { value?: string | number } };

/** Category names wrap onto two lines rather than being cut off on a phone. */
function CategoryTick({ x = 0, y = 0, payload }: TickProps) {
  return (
    <Text x={Number(x)} y={Number(y)} width={LABEL_WIDTH} maxLines={2} textAnchor="end" verticalAnchor="middle" fill={INK} fontSize={13}>
      {String(payload?.value ?? "")}
    </Text>
  );
}

/**
 * One horizontal bar per category with its count written at the end of the bar. Drawn only in
 * the browser; the page renders the same numbers as a table, and the wrapper names the chart.
 */
export default function CategoryBarChart({ data }: { data: CategoryDatum[] }) {
  const height = Math.max(140, data.length * 42 + 36);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#d1d5db" />
        <XAxis type="number" allowDecimals={false} tick={{ fill: INK, fontSize: 12 }} stroke="#6b7280" />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH + 8} tick={<CategoryTick />} stroke="#6b7280" interval={0} />
        <Bar dataKey="count" isAnimationActive={false} stroke="#ffffff" maxBarSize={28}>
          {data.map((datum) => (
            <Cell key={datum.key} fill={datum.color} />
          ))}
          <LabelList dataKey="count" position="right" fill={INK} fontSize={13} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
