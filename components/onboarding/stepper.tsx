import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Where the merchant is in the five steps, and which are saved. */
export async function Stepper({ current, completed }: { current: number; completed: number[] }) {
  const t = await getTranslations("onboarding.steps");
  return (
    <ol className="mb-6 grid grid-cols-5 gap-1 text-xs sm:text-sm" aria-label={t("label")}>
      {[1, 2, 3, 4, 5].map((step) => {
        const done = completed.includes(step);
        const active = step === current;
        return (
          <li key={step}>
            <Link
              href={`/merchant/onboarding?step=${step}`}
              aria-current={active ? "step" : undefined}
              className={`block rounded-md border px-2 py-2 text-center ${active ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : done ? "border-green-300 bg-green-50 text-green-800" : "border-slate-200 bg-white text-slate-600"}`}
            >
              <span className="block">{done ? "✓ " : ""}{step}</span>
              <span className="hidden sm:block">{t(String(step) as never)}</span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
