"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Daily sales in yuan; the figures arrive as strings of fen so no precision is lost on the way. The axis says
 * ¥; the exact figures are listed under the chart by the dashboard (a touch screen has no hover).
 */
export function SalesChart({ points, label }: { points: { day: string; totalFen: string }[]; label: string }) {
  const locale = useLocale();
  const data = points.map((p) => ({ day: p.day.slice(5), yuan: Number(BigInt(p.totalFen) / 100n) + Number(BigInt(p.totalFen) % 100n) / 100 }));
  const axis = (v: number) => `¥${v.toLocaleString(locale, { notation: v >= 10_000 ? "compact" : "standard", maximumFractionDigits: v >= 10_000 ? 1 : 0 })}`;
  return (
    <div className="h-56 w-full sm:h-64" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tick={{ fontSize: 11 }} width={64} tickFormatter={axis} allowDecimals={false} />
          <Tooltip formatter={(v) => [`¥${Number(v).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`, label]} />
          <Bar dataKey="yuan" fill="#1668dc" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
