import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a phone instead of squeezing. The scrolling box takes the keyboard focus
 * (arrow keys scroll it) and is named by the caption, which every table has.
 */
export function Table({ head, children, caption, numeric = [] }: { head: ReactNode[]; children: ReactNode; caption: string; numeric?: number[] }) {
  return (
    <div
      className="overflow-x-auto rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={`whitespace-nowrap px-3 py-2 font-medium text-slate-600 ${numeric.includes(i) ? "text-right" : "text-left"}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`whitespace-nowrap px-3 py-2 text-slate-800 ${className}`}>{children}</td>;
}
