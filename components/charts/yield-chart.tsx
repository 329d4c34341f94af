"use client";

import { CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type YieldPoint = { day: string; per10k: number; sevenDay: number };

const PER10K = "#1668dc";
const SEVEN_DAY = "#f59e0b";
const yuan4 = (v: number) => `¥${v.toFixed(4)}`;
const percent = (v: number) => `${v.toFixed(2)}%`;

/**
 * The fund's income per 10,000 units (¥, left axis) and 7-day annualised yield (%, right axis) by day. The
 * values are written on the chart where they change and at both ends, so they read without hovering; the
 * figures arrive already rounded as the page shows them.
 */
export function YieldChart({ points, labels }: { points: YieldPoint[]; labels: { per10k: string; sevenDay: string; chart: string } }) {
  const data = points.map((p) => ({ ...p, day: p.day.slice(5) }));
  const last = data.length - 1;
  const shownAt = (key: "per10k" | "sevenDay") => (index: number) =>
    index === last || (key === "per10k" ? index === 0 || data[index - 1]?.per10k !== data[index].per10k : index === 0);
  const label = (key: "per10k" | "sevenDay", color: string, format: (v: number) => string) =>
    function ValueLabel(props: { x?: number | string; y?: number | string; index?: number; value?: unknown }) {
      const { x, y, index = -1, value } = props;
      if (!shownAt(key)(index) || typeof value !== "number") return null;
      const anchor = index === last ? "end" : index === 0 ? "start" : "middle";
      return (
        <text x={Number(x)} y={Number(y) + (key === "per10k" ? -8 : 16)} fill={color} fontSize={11} textAnchor={anchor}>
          {format(value)}
        </text>
      );
    };
  return (
    <div className="h-72 w-full" role="img" aria-label={labels.chart}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 20, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis yAxisId="per10k" tick={{ fontSize: 11 }} width={60} tickFormatter={yuan4} domain={[0, (max: number) => Math.max(max * 1.3, 0.0001)]} />
          <YAxis yAxisId="sevenDay" orientation="right" tick={{ fontSize: 11 }} width={48} tickFormatter={percent} domain={[0, (max: number) => Math.max(max * 1.3, 0.01)]} />
          <Tooltip formatter={(v, name) => (name === labels.per10k ? yuan4(Number(v)) : percent(Number(v)))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="per10k" type="stepAfter" dataKey="per10k" name={labels.per10k} stroke={PER10K} strokeWidth={2} dot={false} isAnimationActive={false}>
            <LabelList dataKey="per10k" content={label("per10k", PER10K, yuan4)} />
          </Line>
          <Line yAxisId="sevenDay" type="monotone" dataKey="sevenDay" name={labels.sevenDay} stroke={SEVEN_DAY} strokeWidth={2} dot={false} isAnimationActive={false}>
            <LabelList dataKey="sevenDay" content={label("sevenDay", SEVEN_DAY, percent)} />
          </Line>
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
