"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * Downloads the statement CSV with a running count of the rows received, since a long export takes a while:
 * the response is read as it streams, then saved under the server's file name. Without JavaScript the link
 * itself downloads the file.
 */
export function CsvDownload({ href }: { href: string }) {
  const t = useTranslations("statements");
  const [state, setState] = useState<{ rows: number; done: boolean; failed: boolean } | null>(null);
  const download = async (event: React.MouseEvent) => {
    event.preventDefault();
    setState({ rows: 0, done: false, failed: false });
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.getReader();
      const parts: Uint8Array[] = [];
      let rows = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        for (const byte of value) if (byte === 10) rows++;
        setState({ rows, done: false, failed: false });
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "statement.csv";
      const url = URL.createObjectURL(new Blob(parts as BlobPart[], { type: "text/csv" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      setState({ rows, done: true, failed: false });
    } catch {
      setState((s) => ({ rows: s?.rows ?? 0, done: false, failed: true }));
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <a href={href} onClick={download} download className={buttonClass("secondary")} data-testid="statement-csv">
        {t("downloadCsv")}
      </a>
      {state ? (
        <span className="text-xs text-slate-600" role="status" data-testid="csv-progress">
          {state.failed ? t("downloadFailed") : state.done ? t("downloaded", { rows: state.rows }) : t("downloading", { rows: state.rows })}
        </span>
      ) : null}
    </span>
  );
}
