// Durations as written in the format: 30m, 2h, 1h30m, 1d (d = 24 h). Returns minutes.
export function parseDuration(text: string): number | null {
  const match = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (!match) return null;
  const [, days, hours, minutes] = match;
  return Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}

export function formatMinutes(total: number): string {
  if (total % 1440 === 0 && total > 0) return `${total / 1440}d`;
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  return `${hours ? `${hours}h` : ''}${minutes || !hours ? `${minutes}m` : ''}`;
}
