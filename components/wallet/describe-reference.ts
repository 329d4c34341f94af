type Translate = { (key: never, values?: never): string; has(key: never): boolean };

/** Journal references are stored as "<kind>:<detail>" (e.g. "card:****0007"); shown in the reader's language. */
export function describeReference(t: Translate, reference: string | null): string {
  if (!reference) return "";
  const [kind, ...rest] = reference.split(":");
  const detail = rest.join(":");
  const key = `references.${kind}`;
  return t.has(key as never) ? t(key as never, { detail: detail.replace(/^\*+/, "") } as never) : reference;
}
