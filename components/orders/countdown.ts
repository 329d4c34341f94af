/** "3 天 4 小时" / "3 days 4 hours" until `to`; negative spans read as zero. */
export function remaining(from: Date, to: Date) {
  const ms = Math.max(0, to.getTime() - from.getTime());
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  return { days, hours };
}
