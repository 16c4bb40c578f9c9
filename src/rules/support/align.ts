/**
 * Paragraphs of two language versions aligned by length, as Gale and Church align sentences: each
 * step pairs one paragraph with one, one with none, or two with one, at a cost from how far the
 * lengths stray from the languages' ratio, lowered where two paragraphs hold the same figures (an
 * anchor). Quadratic in the paragraphs, so bounded: past MAX_CELLS the paragraphs pair in order.
 */

/** A step of the alignment: the source's paragraphs and the version's that go together (either may be empty). */
export interface Aligned {
  source: number[];
  version: number[];
}

/** The most cells of the table (source paragraphs × version paragraphs) aligned by length. */
const MAX_CELLS = 40_000;
/** The variance of the length of a translation per character of its source (Gale and Church's 6.8). */
const VARIANCE = 6.8;
/** How often each kind of step happens, as costs (−log of the probabilities Gale and Church measured). */
const PRIOR = { match: -Math.log(0.89), skip: -Math.log(0.0099), merge: -Math.log(0.089 / 2) };
/** What an anchor (the same figures on both sides) takes off a one-to-one step. */
const ANCHOR = 2;

/** The standard normal's two-tailed probability beyond |z| (Abramowitz and Stegun 7.1.26). */
function tail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return Math.max(1e-12, poly * Math.exp(-x * x));
}

/** The cost of pairing `a` characters of the source with `b` of the version. */
function lengthCost(a: number, b: number, ratio: number): number {
  const mean = (a + b / ratio) / 2;
  const z = (b - a * ratio) / Math.sqrt(Math.max(1, mean * VARIANCE));
  return -Math.log(tail(z));
}

/**
 * Aligns paragraphs of lengths `source` and `version` (characters), the version's about `ratio` times
 * as long; `anchored(i, j)` says that source paragraph i and version paragraph j hold the same figures.
 */
export function alignParagraphs(
  source: readonly number[],
  version: readonly number[],
  ratio: number,
  anchored: (i: number, j: number) => boolean = () => false,
): Aligned[] {
  const [n, m] = [source.length, version.length];
  if (n === m || n * m > MAX_CELLS) {
    const steps: Aligned[] = [];
    for (let index = 0; index < Math.max(n, m); index += 1)
      steps.push({ source: index < n ? [index] : [], version: index < m ? [index] : [] });
    return steps;
  }
  const cost = Array.from({ length: n + 1 }, () => new Float64Array(m + 1).fill(Infinity));
  const back = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  cost[0]![0] = 0;
  // Steps: [source paragraphs, version paragraphs].
  const moves: [number, number][] = [
    [1, 1],
    [1, 0],
    [0, 1],
    [2, 1],
    [1, 2],
  ];
  for (let i = 0; i <= n; i += 1)
    for (let j = 0; j <= m; j += 1) {
      if (i === 0 && j === 0) continue;
      moves.forEach(([di, dj], move) => {
        if (i < di || j < dj) return;
        const previous = cost[i - di]![j - dj]!;
        if (previous === Infinity) return;
        const a = source.slice(i - di, i).reduce((sum, length) => sum + length, 0);
        const b = version.slice(j - dj, j).reduce((sum, length) => sum + length, 0);
        let step =
          di === 1 && dj === 1
            ? PRIOR.match + lengthCost(a, b, ratio) - (anchored(i - 1, j - 1) ? ANCHOR : 0)
            : di === 0 || dj === 0
              ? PRIOR.skip
              : PRIOR.merge + lengthCost(a, b, ratio);
        step = Math.max(step, 0);
        if (previous + step < cost[i]![j]!) {
          cost[i]![j] = previous + step;
          back[i]![j] = move;
        }
      });
    }
  const steps: Aligned[] = [];
  for (let i = n, j = m; i > 0 || j > 0;) {
    const [di, dj] = moves[back[i]![j]!]!;
    steps.push({
      source: Array.from({ length: di }, (_, k) => i - di + k),
      version: Array.from({ length: dj }, (_, k) => j - dj + k),
    });
    i -= di;
    j -= dj;
  }
  return steps.reverse();
}
