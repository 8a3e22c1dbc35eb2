// Durations as written in the format: 30m, 2h, 1h30m, 1d (d = 24 h). Returns minutes.
export function parseDuration(text: string): number | null {
  const match = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/.exec(text);
  if (!match) return null;
  const [, days, hours, minutes] = match;
  return Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0);
}
