"use client";

import { useLocale } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type OverviewSeries = { key: string; label: string; color: string };

/**
 * Daily platform figures as lines. Money arrives as strings of fen (no precision lost on the way) and is drawn
 * in yuan with ¥ on the axis; counts are drawn as they are. The page lists the totals under the chart.
 */
export function OverviewChart({ points, series, money, label }: { points: Record<string, string>[]; series: OverviewSeries[]; money: boolean; label: string }) {
  const locale = useLocale();
  const value = (raw: string) => (money ? Number(BigInt(raw) / 100n) + Number(BigInt(raw) % 100n) / 100 : Number(raw));
  const data = points.map((p) => Object.fromEntries([["day", p.day.slice(5)], ...series.map((s) => [s.key, value(p[s.key])])]));
  const axis = (v: number) => {
    const n = v.toLocaleString(locale, { notation: v >= 10_000 ? "compact" : "standard", maximumFractionDigits: v >= 10_000 ? 1 : 0 });
    return money ? `¥${n}` : n;
  };
  const tip = (v: unknown) => (money ? `¥${Number(v).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` : String(v));
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis tick={{ fontSize: 11 }} width={64} tickFormatter={axis} allowDecimals={false} />
          <Tooltip formatter={(v, name) => [tip(v), series.find((s) => s.key === name)?.label ?? String(name)]} />
          <Legend formatter={(name) => series.find((s) => s.key === name)?.label ?? name} wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
