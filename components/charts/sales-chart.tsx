"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Daily sales in yuan; the figures arrive as strings of fen so no precision is lost on the way. */
export function SalesChart({ points, label }: { points: { day: string; totalFen: string }[]; label: string }) {
  const data = points.map((p) => ({ day: p.day.slice(5), yuan: Number(BigInt(p.totalFen) / 100n) + Number(BigInt(p.totalFen) % 100n) / 100 }));
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} interval={4} />
          <YAxis tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(v) => [`¥${Number(v).toLocaleString("zh-CN", { minimumFractionDigits: 2 })}`, label]} />
          <Bar dataKey="yuan" fill="#1668dc" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
