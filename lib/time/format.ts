/** Dates are shown in Asia/Shanghai (the platform's time), whatever the server's or browser's zone. */
export const PLATFORM_TIME_ZONE = "Asia/Shanghai";

export function formatDateTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", {
    timeZone: PLATFORM_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
}
