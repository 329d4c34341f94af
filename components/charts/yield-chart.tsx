"use client";

import { CartesianGrid, LabelList, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type YieldPoint = { day: string; value: number };

/**
 * One of the fund's daily series (income per 10,000 units in ¥, or the 7-day annualised yield in %), by day.
 * The values are written on the line at each level it settles on and at its end, so they read without hovering
 * (labels too close to the end one are left out, so none overlap); the figures arrive rounded as the page shows
 * them, and the axes in round steps.
 */
export function YieldChart({ points, label, unit, color }: { points: YieldPoint[]; label: string; unit: "yuan" | "percent"; color: string }) {
  const format = unit === "yuan" ? (v: number) => `¥${v.toFixed(4)}` : (v: number) => `${v.toFixed(2)}%`;
  const data = points.map((p) => ({ ...p, day: p.day.slice(5) }));
  const last = data.length - 1;
  const nearEnd = Math.max(1, Math.round(data.length * 0.3));
  // The end, and each level the line settles on (a step of the rate; the 7-day yield once its week has passed).
  const shown = (index: number) => {
    if (index === last) return true;
    if (index <= 0 || index > last - nearEnd) return false;
    const here = data[index].value;
    return here !== 0 && here !== data[index - 1].value && here === data[index + 1].value;
  };
  // Round ticks, at most 4 steps, with room above the highest value for its label.
  const max = Math.max(0, ...data.map((p) => p.value)) * 1.15;
  const steps = unit === "yuan" ? [0.05, 0.1, 0.2, 0.5, 1, 2, 5] : [0.25, 0.5, 1, 2, 5, 10, 20];
  const step = steps.find((s) => Math.ceil(max / s) <= 4) ?? steps[steps.length - 1];
  const ticks = Array.from({ length: Math.max(1, Math.ceil(max / step)) + 1 }, (_, i) => Number((i * step).toFixed(2)));
  function ValueLabel(props: { x?: number | string; y?: number | string; index?: number; value?: unknown }) {
    const { x, y, index = -1, value } = props;
    if (!shown(index) || typeof value !== "number") return null;
    return (
      <text x={Number(x)} y={Number(y) - 8} fill={color} fontSize={11} textAnchor={index === last ? "end" : "middle"}>
        {format(value)}
      </text>
    );
  }
  return (
    <div className="h-48 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={24} />
          <YAxis tick={{ fontSize: 11 }} width={unit === "yuan" ? 48 : 44} tickFormatter={(v: number) => (unit === "yuan" ? `¥${v.toFixed(2)}` : `${v.toFixed(step < 1 ? 2 : 0)}%`)} ticks={ticks} domain={[0, ticks[ticks.length - 1]]} />
          <Tooltip formatter={(v) => [format(Number(v)), label]} />
          <Line type={unit === "yuan" ? "stepAfter" : "monotone"} dataKey="value" name={label} stroke={color} strokeWidth={2} dot={false} isAnimationActive={false}>
            <LabelList dataKey="value" content={ValueLabel} />
          </Line>
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
