// Seeded randomness for the example generators: mulberry32 streams named by a string, so that
// adding a series or a step draws from its own stream and leaves every other one unchanged.
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal (Box-Muller). */
  gauss(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One of the keys, with probability proportional to its weight. */
  pick<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** The items in a random order (a copy). */
  shuffle<T>(items: readonly T[]): T[];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function randomStream(name: string, seed = 20260630): Random {
  let state = (hash(name) ^ seed) | 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    gauss: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
    int: (min, max) => min + Math.floor(uniform() * (max - min + 1)),
    pick(weights) {
      const entries = Object.entries(weights) as [never, number][];
      let left = uniform() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, w] of entries) if ((left -= w) < 0) return key;
      return entries[entries.length - 1]![0];
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

export type Knot = [date: string, value: number];

/** Piecewise-linear through the knots (dates as day numbers via `dayOf`), flat outside them. */
export function trendAt(knots: readonly Knot[], day: number, dayOf: (iso: string) => number): number {
  const i = knots.findIndex(([date]) => dayOf(date) >= day);
  if (i === 0) return knots[0]![1];
  if (i < 0) return knots[knots.length - 1]![1];
  const [[d0, v0], [d1, v1]] = [knots[i - 1]!, knots[i]!];
  return v0 + ((v1 - v0) * (day - dayOf(d0))) / (dayOf(d1) - dayOf(d0));
}
