/** "Did you mean …?": the nearest known name to a misspelled one. */
import { distance } from 'fastest-levenshtein';

/** The known name nearest to `name` (ignoring case) within `maxDistance` edits, if any. */
export function nearest(name: string, known: Iterable<string>, maxDistance = 3): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const edits = distance(lower, candidate.toLowerCase());
    if (edits < bestDistance) {
      best = candidate;
      bestDistance = edits;
    }
  }
  const limit = Math.min(maxDistance, Math.max(1, Math.floor(lower.length / 2)));
  return bestDistance <= limit ? best : undefined;
}

/** The suffix ", did you mean `x`?" when a near name exists, else "". */
export function didYouMean(name: string, known: Iterable<string>, maxDistance = 3): string {
  const match = nearest(name, known, maxDistance);
  return match === undefined ? '' : `, did you mean \`${match}\`?`;
}
