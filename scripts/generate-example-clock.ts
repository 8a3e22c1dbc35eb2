// Local time and opening hours for the example's ticket generator (generate-example-tickets.ts).
// Instants are whole epoch minutes (every time the export writes is a whole minute); calendar
// days are day numbers (days since 1970-01-01) of local dates. The zone's offsets come from
// Luxon; everything here is written independently of src/tickets, so that the pipeline's own
// reading of the export is a check on the generator rather than a copy of it.
import { DateTime } from 'luxon';

export const ZONE = 'Europe/Amsterdam';
export const DAY_MINUTES = 1440;

export const dayOf = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;
export const isoOf = (day: number): string => new Date(day * 864e5).toISOString().slice(0, 10);
/** 0 Monday .. 6 Sunday (day 0, 1970-01-01, was a Thursday). */
export const weekdayOf = (day: number): number => (day + 3) % 7;

const offsets = new Map<number, number>();
/** The zone's UTC offset in minutes at an instant (cached by hour: offsets change on the hour). */
export function offsetAt(instant: number): number {
  const hour = Math.floor(instant / 60);
  let offset = offsets.get(hour);
  if (offset === undefined) offsets.set(hour, (offset = DateTime.fromMillis(hour * 3_600_000, { zone: ZONE }).offset));
  return offset;
}

/** The local day and minute of the day of an instant. */
export function localOf(instant: number): { day: number; minute: number } {
  const local = instant + offsetAt(instant);
  const day = Math.floor(local / DAY_MINUTES);
  return { day, minute: local - day * DAY_MINUTES };
}

/**
 * The instant of a local time. Callers never ask for 02:00-03:00 on the two days the clocks
 * change, the only local times that do not exist or exist twice.
 */
export function instantOf(day: number, minute: number): number {
  const guess = day * DAY_MINUTES + minute;
  const first = guess - offsetAt(guess - 60);
  return guess - offsetAt(first);
}

/** `2026-04-07 09:15`, local: the way the help desk's CSV export writes a time. */
export function formatLocal(instant: number): string {
  const { day, minute } = localOf(instant);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${isoOf(day)} ${hh}:${mm}`;
}

/** True on the days the clocks change (02:00-03:00 local is then skipped or repeated). */
export function clocksChange(day: number): boolean {
  return offsetAt(instantOfNoon(day - 1)) !== offsetAt(instantOfNoon(day + 1));
}
const instantOfNoon = (day: number): number => day * DAY_MINUTES + 720 - 60;

/** Open intervals of a local day, as [start, end) minutes of the day. */
export type Hours = (day: number) => readonly (readonly [number, number])[];

/**
 * Opening hours as instants: time within them between two instants, and adding such time to an
 * instant (the earliest instant at which that much open time has passed).
 */
export class OpenTime {
  private readonly cache = new Map<number, [number, number][]>();
  private readonly hours: Hours;
  constructor(hours: Hours) {
    this.hours = hours;
  }

  private intervals(day: number): [number, number][] {
    let list = this.cache.get(day);
    if (!list) this.cache.set(day, (list = this.hours(day).map(([a, b]): [number, number] => [instantOf(day, a), instantOf(day, b)])));
    return list;
  }

  between(a: number, b: number): number {
    let total = 0;
    for (let day = localOf(a).day; day <= localOf(b).day; day++) {
      for (const [start, end] of this.intervals(day)) total += Math.max(0, Math.min(end, b) - Math.max(start, a));
    }
    return total;
  }

  add(from: number, minutes: number): number {
    let left = minutes;
    for (let day = localOf(from).day; ; day++) {
      for (const [start, end] of this.intervals(day)) {
        if (end <= from) continue;
        const begin = Math.max(start, from);
        if (begin + left <= end) return begin + left;
        left -= end - begin;
      }
    }
  }
}
