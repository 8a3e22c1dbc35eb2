// Loops in a `parent` relation (goals under goals, teams under teams): each id is visited once,
// so a loop of thousands is found in linear time, and a loop is written short however long it is.

/** Loops up to this many members are written out whole; longer ones by their ends. */
const LOOP_SHOWN_WHOLE = 8;

/** Every loop the parent chains run into, each listed once, in the order of `ids`. */
export function parentLoops(ids: readonly string[], parentOf: (id: string) => string | undefined): string[][] {
  const loops: string[][] = [];
  // Ids whose parent chain has been followed to its end (or into a loop already found).
  const settled = new Set<string>();
  for (const start of ids) {
    const chain: string[] = [];
    const place = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !settled.has(current) && !place.has(current)) {
      place.set(current, chain.length);
      chain.push(current);
      current = parentOf(current);
    }
    for (const id of chain) settled.add(id);
    if (current !== undefined && place.has(current)) loops.push(chain.slice(place.get(current)));
  }
  return loops;
}

/** `loop` read from its member at `start`, back to it: `b -> c -> a -> b`, shortened when long. */
export function loopFrom(loop: readonly string[], start: number): string {
  const at = (offset: number) => loop[(start + offset) % loop.length]!;
  if (loop.length <= LOOP_SHOWN_WHOLE) return Array.from({ length: loop.length + 1 }, (_, i) => at(i)).join(' -> ');
  return `${[0, 1, 2].map(at).join(' -> ')} -> ... -> ${at(loop.length - 1)} -> ${at(0)}`;
}

/** " through 12,000 goals" for a loop too long to write out, else "". */
export function loopSize(loop: readonly string[], things: string): string {
  return loop.length > LOOP_SHOWN_WHOLE ? ` through ${loop.length.toLocaleString('en-US')} ${things}` : '';
}
