"use client";

import { useEffect, useState } from "react";
import { Button } from "./button";

/**
 * Copies `text` to the clipboard and says so for a moment ("copied", announced to screen readers). Where the
 * clipboard is not available (an insecure origin, a refused permission) it says so too, and the text stays on
 * the page to copy by hand.
 */
export function CopyButton({ text, label, copiedLabel, failedLabel, testId }: { text: string; label: string; copiedLabel: string; failedLabel: string; testId?: string }) {
  const [outcome, setOutcome] = useState<"copied" | "failed" | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 2_500);
    return () => clearTimeout(timer);
  }, [outcome]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" onClick={copy} data-testid={testId}>
        {label}
      </Button>
      <span role="status" className={`text-xs ${outcome === "failed" ? "text-red-700" : "text-green-700"}`}>
        {outcome === "copied" ? copiedLabel : outcome === "failed" ? failedLabel : ""}
      </span>
    </span>
  );
}
