import type { ReactNode } from "react";

/** A titled box. `heading="h1"` where the card is the page itself (sign-in, registration, payment). */
export function Card({
  title,
  actions,
  children,
  className = "",
  heading: Heading = "h2",
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  heading?: "h1" | "h2";
}) {
  return (
    <section className={`min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${className}`}>
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title ? <Heading className={`${Heading === "h1" ? "text-lg" : "text-base"} font-semibold text-slate-900`}>{title}</Heading> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function Stat({ label, value, testId }: { label: ReactNode; value: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 break-words text-lg font-semibold tabular-nums text-slate-900 sm:text-2xl" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
