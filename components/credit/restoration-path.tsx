import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatBps } from "@/lib/credit/rates";
import type { RestorationProgress } from "@/lib/credit/restoration";

/** The way back after an overdue loan: three steps, each with its checks and progress; each step met gives back a third. */
export async function RestorationPath({ progress }: { progress: RestorationProgress }) {
  const t = await getTranslations("credit.restoration");
  const value = (code: string, n: number) => (code === "DISPUTE_RATE" ? formatBps(n) : String(n));
  return (
    <Card title={t("title")} className="mt-6" actions={<Badge tone="info">{t("progress", { steps: progress.stepsMet })}</Badge>}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      <ol className="space-y-3" data-testid="credit-restoration">
        {progress.steps.map((s) => (
          <li key={s.step} className="rounded-md border border-slate-200 p-3 text-sm">
            <p className="flex items-center justify-between gap-2 font-medium text-slate-800">
              <span>{t("step", { step: s.step })}</span>
              <Badge tone={s.met ? "good" : "neutral"}>{s.met ? t("met") : t("open")}</Badge>
            </p>
            {s.any ? <p className="text-xs text-slate-500">{t("anyOf")}</p> : null}
            <ul className="mt-1 space-y-1 text-slate-700">
              {s.checks.map((c) => (
                <li key={c.code}>
                  {c.met ? "✓ " : "○ "}
                  {t(`checks.${c.code}`, { current: value(c.code, c.current), target: value(c.code, c.target) })}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </Card>
  );
}
