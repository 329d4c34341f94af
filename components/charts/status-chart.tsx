"use client";

import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";

const COLORS = ["#94a3b8", "#38bdf8", "#1668dc", "#f59e0b", "#16a34a", "#64748b", "#dc2626"];

/** Orders by status; labels come translated from the server, and the legend shows each count (no hover needed). */
export function StatusChart({ slices, label }: { slices: { name: string; value: number }[]; label: string }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie data={slices} dataKey="value" nameKey="name" innerRadius={50} outerRadius={80} paddingAngle={2}>
            {slices.map((s, i) => (
              <Cell key={s.name} fill={COLORS[i % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={(name: string) => `${name} ${slices.find((s) => s.name === name)?.value ?? ""}`} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
