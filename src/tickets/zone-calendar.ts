// Local calendar days and wall-clock times of one IANA zone, as instants (epoch milliseconds).
// Offsets come from Luxon's IANAZone (the platform's time-zone data); turning a wall-clock time
// into an instant is done here, because TICKETS.md 7.1 asks for Temporal's "compatible"
// disambiguation: a time in a gap moves forward by the gap's length (as Luxon does), and a time
// that occurs twice is the EARLIER instant (Luxon picks the later one).
// Each local midnight is computed once and kept in a dense table, so that on a day without a
// transition (almost all of them) a wall-clock time costs one addition, not a Luxon call.
import { IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** The margin by which the table of midnights grows past a day asked for. */
const GROW_DAYS = 400;

export function isValidZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

export class ZoneCalendar {
  readonly zone: string;
  /** null for UTC, whose midnights need no table. */
  private readonly iana: IANAZone | null;
  /** Day number of starts[0]. */
  private first = 0;
  /** starts[i]: the instant of local midnight starting day `first + i`. */
  private starts = new Float64Array(0);
  /** Days with a transition: the offsets before and after it, and its instant. */
  private readonly transitions = new Map<number, { before: number; after: number; at: number } | null>();

  /** `zone` must be valid (isValidZone). */
  constructor(zone: string) {
    this.zone = zone;
    this.iana = zone === 'UTC' || zone === 'Etc/UTC' ? null : IANAZone.create(zone);
  }

  /** The instant at which local day `day` (days since 1970-01-01) begins. */
  dayStart(day: number): number {
    if (this.iana === null) return day * DAY_MS;
    const index = day - this.first;
    if (index < 0 || index >= this.starts.length) this.grow(day);
    return this.starts[day - this.first]!;
  }

  /** The local calendar day (a day number) holding instant `t`. */
  localDay(t: number): number {
    const utcDay = Math.floor(t / DAY_MS);
    if (this.iana === null) return utcDay;
    // Offsets lie within ±14 h, so the local day is the UTC day or one of its neighbours.
    if (t < this.dayStart(utcDay)) return utcDay - 1;
    if (t >= this.dayStart(utcDay + 1)) return utcDay + 1;
    return utcDay;
  }

  /** The instant of wall-clock time `msOfDay` (0 to 24 h) on local day `day`, "compatible". */
  instantOf(day: number, msOfDay: number): number {
    const start = this.dayStart(day);
    if (this.iana === null) return start + msOfDay;
    // A day of exactly 24 hours has no transition: its wall clock runs with its instants.
    if (this.dayStart(day + 1) - start === DAY_MS) return start + msOfDay;
    const wall = day * DAY_MS + msOfDay;
    let transition = this.transitions.get(day);
    if (transition === undefined) this.transitions.set(day, (transition = this.findTransition(day)));
    if (transition === null) return this.resolveWallClock(wall);
    // The same choice as resolveWallClock, without asking the zone for offsets again.
    const early = wall - transition.before;
    const late = wall - transition.after;
    if (early < transition.at) return late >= transition.at && late < early ? late : early;
    return late >= transition.at ? late : early;
  }

  /** The one transition around local day `day`, to the second; null when there is not exactly one. */
  private findTransition(day: number): { before: number; after: number; at: number } | null {
    let low = Math.floor(this.dayStart(day) / 1000) - 43_200;
    let high = Math.ceil(this.dayStart(day + 1) / 1000) + 43_200;
    const before = this.offsetMs(low * 1000);
    const after = this.offsetMs(high * 1000);
    if (before === after) return null;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (this.offsetMs(middle * 1000) === before) low = middle;
      else high = middle;
    }
    // A second transition between the first and the window's end would make `after` wrong.
    return this.offsetMs(high * 1000) === after ? { before, after, at: high * 1000 } : null;
  }

  private offsetMs(t: number): number {
    return this.iana!.offset(t) * MINUTE_MS;
  }

  /** `wall`: the wall-clock time written as if it were UTC. */
  private resolveWallClock(wall: number): number {
    // Transitions are months apart, so a day either side sees the offsets before and after.
    const before = this.offsetMs(wall - DAY_MS);
    const after = this.offsetMs(wall + DAY_MS);
    let earliest = Number.NaN;
    for (const offset of before === after ? [before] : [before, after]) {
      const candidate = wall - offset;
      if (this.offsetMs(candidate) === offset && !(candidate >= earliest)) earliest = candidate;
    }
    // No offset fits: the time is in a gap, and read with the offset before it, it lands
    // the gap's length later.
    return Number.isNaN(earliest) ? wall - before : earliest;
  }

  private grow(day: number): void {
    const oldFirst = this.first;
    const oldLength = this.starts.length;
    let first = day - GROW_DAYS;
    let end = day + GROW_DAYS;
    if (oldLength > 0) {
      // Double at least, so that walking far ahead costs few rebuilds.
      first = Math.min(first, oldFirst, day < oldFirst ? oldFirst - oldLength : oldFirst);
      end = Math.max(end, oldFirst + oldLength, day >= oldFirst ? oldFirst + 2 * oldLength : 0);
    }
    const starts = new Float64Array(end - first);
    let offset = Number.NaN;
    for (let d = first; d < end; d++) {
      const old = d - oldFirst;
      if (old >= 0 && old < oldLength) {
        starts[d - first] = this.starts[old]!;
        continue;
      }
      // Most midnights have the offset of the one before: one question to the zone confirms it.
      // (Read with the earlier offset, a midnight that occurs twice is its earlier instant.)
      const guess = d * DAY_MS - offset;
      const start = offset === offset && this.offsetMs(guess) === offset ? guess : this.resolveWallClock(d * DAY_MS);
      starts[d - first] = start;
      offset = d * DAY_MS - start;
    }
    this.first = first;
    this.starts = starts;
  }
}
