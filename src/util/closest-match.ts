// "Did you mean" suggestions: the candidate with the smallest edit distance, if close enough
// to be a plausible typo (at most a third of the word's length, and at least 1 edit).
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Every candidate as close as the closest, sorted, so that no equally likely id is hidden. */
export function closestMatches(word: string, candidates: Iterable<string>): string[] {
  const lower = word.toLowerCase();
  let best: string[] = [];
  let bestDistance = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const candidate of new Set(candidates)) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = [candidate];
      bestDistance = distance;
    } else if (distance === bestDistance) {
      best.push(candidate);
    }
  }
  return best.sort();
}

/** "a", "a or b", "a, b or c" (or with `and`). */
export function listed(items: readonly string[], conjunction: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/** "`frt`", "`frt` or `fcr`", "`a`, `b` or `c`". */
export function listOfChoices(words: readonly string[], quote = (w: string) => `\`${w}\``): string {
  return listed(words.map(quote), 'or');
}
