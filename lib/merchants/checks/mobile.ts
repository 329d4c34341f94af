/** Mainland China mobile numbers: 11 digits starting 13–19 (an optional +86 prefix is accepted). */
export function normaliseMobile(input: string): string {
  return input.replace(/[\s-]/g, "").replace(/^(\+?86)(?=1\d{10}$)/, "");
}

export function mobileProblem(input: string): string | null {
  return /^1[3-9]\d{9}$/.test(normaliseMobile(input)) ? null : "validation.mobile";
}
