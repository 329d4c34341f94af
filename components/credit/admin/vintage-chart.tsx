"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type VintageSeries = { cohort: string; points: { mob: number; percent: number }[] };

const COLORS = ["#1668dc", "#d97706", "#059669", "#dc2626", "#7c3aed", "#0891b2", "#be185d", "#4d7c0f", "#92400e", "#475569", "#2563eb", "#ea580c"];

/** One line per disbursement month: the share of its principal ever 30+ days past due, by months on book. */
export function VintageChart({ series, label, mobLabel }: { series: VintageSeries[]; label: string; mobLabel: string }) {
  const maxMob = Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.mob)));
  const data = Array.from({ length: maxMob + 1 }, (_, mob) => ({
    mob,
    ...Object.fromEntries(series.map((s) => [s.cohort, s.points.find((p) => p.mob === mob)?.percent ?? null])),
  }));
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="mob" tick={{ fontSize: 11 }} label={{ value: mobLabel, position: "insideBottom", offset: -8, fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} width={44} tickFormatter={(v: number) => `${v}%`} />
          <Tooltip formatter={(v) => `${Number(v).toFixed(2)}%`} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {series.map((s, i) => (
            <Line key={s.cohort} type="monotone" dataKey={s.cohort} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
