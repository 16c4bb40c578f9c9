/**
 * Every stage linear in its input, measured: each hostile family of test/hostile/cases.js grown to the
 * largest size the bounds let through (found by halving; 60 KB at most), checked and timed there and at
 * an eighth of it, and the renderer's families drawn to PDF at half that and at a sixteenth. The work per
 * byte at the larger size may not grow past three times that at the smaller (quadratic work grows eight
 * times). Work is the process's CPU time, the least of up to three tries, so that another process on the
 * machine does not decide the outcome.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/engine/check/run-rules.js';
import { handoutTemplate } from '../src/engine/build/build.js';
import { resolveImages } from '../src/engine/build/images.js';
import { parseStatement } from '../src/engine/load/load.js';
import { fileSizeProblem, markdownProblem } from '../src/engine/load/markdown-limits.js';
import { createContext } from '../src/engine/project/context.js';
import { defaultConfig } from '../src/engine/project/config.js';
import { isUnusable } from '../src/model/statement.js';
import { buildHandout } from '../src/render/model/handout.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { timeStatement } from '../src/timing/estimate.js';
import { tempProject } from './helpers/statements.js';
// @ts-expect-error: a plain ES module, shared with the benchmark
import { BODIES, hostileAssets, statement } from './hostile/cases.js';

const bodies = BODIES as Record<string, (bytes: number) => string>;
const BOUND = 60_000;
const project = tempProject({});
for (const [path, bytes] of Object.entries((hostileAssets as () => Record<string, Buffer>)())) {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), bytes);
}
mkdirSync(join(project, 'statements'), { recursive: true });
const context = createContext(defaultConfig(project));

/** CPU time of `work`, in milliseconds: the least of `tries`. */
async function cpuMilliseconds(work: () => unknown, tries: number): Promise<number> {
  let least = Infinity;
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const start = process.cpuUsage();
    await work();
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1000);
  }
  return least;
}

/** What `check` and `time` do with a statement's text. */
function checkAndTime(text: string): void {
  const parsed = parseStatement(join(project, 'statements/case.md'), new TextEncoder().encode(text), context);
  runRules(parsed);
  if (!isUnusable(parsed)) timeStatement(parsed);
}

/** What a PDF build does with it, from the text to the bytes. */
async function drawPdf(text: string): Promise<void> {
  const parsed = parseStatement(join(project, 'statements/case.md'), new TextEncoder().encode(text), context);
  if (isUnusable(parsed)) return;
  const resolved = handoutTemplate(parsed, context);
  if ('message' in resolved) return;
  const images = resolveImages(parsed, project);
  const timing = timeStatement(parsed);
  for (const copy of ['handout', 'speaker'] as const)
    await renderPdf(
      buildHandout({
        statement: parsed,
        template: resolved.template,
        timing,
        copy,
        images: images.images,
        date: new Date(0),
      }),
    );
}

/** The work per byte at `large` over that at `small`, retried where it looks superlinear. */
async function growth(run: (text: string) => unknown, body: (bytes: number) => string, small: number, large: number) {
  const [smallText, largeText] = [statement(body(small)), statement(body(large))];
  let ratio = Infinity;
  for (let tries = 1; tries <= 3 && ratio >= 3; tries += 1) {
    const smallWork = await cpuMilliseconds(() => run(smallText), tries);
    const largeWork = await cpuMilliseconds(() => run(largeText), tries);
    // Below a millisecond the clock's grain decides: such work is linear enough.
    ratio = largeWork < 2 ? 1 : largeWork / largeText.length / (Math.max(smallWork, 0.5) / smallText.length);
  }
  return ratio;
}

/** The largest size in bytes, up to `BOUND`, at which the bounds let `body` through (at least 1,000). */
function largestAccepted(body: (bytes: number) => string): number {
  const accepted = (bytes: number) => {
    const text = statement(body(bytes));
    return markdownProblem(text) === undefined && fileSizeProblem(Buffer.byteLength(text)) === undefined;
  };
  if (accepted(BOUND)) return BOUND;
  let [low, high] = [1000, BOUND];
  while (high - low > 500) {
    const middle = Math.floor((low + high) / 2);
    if (accepted(middle)) low = middle;
    else high = middle;
  }
  return low;
}

const RENDERED = [
  'table of long addresses',
  'table of short addresses',
  'one long word',
  'long URL',
  'nested lists, 8 deep',
  'nested quotes, 8 deep',
  'lists nested by indentation',
  'repeated image references',
  'Arabic text',
  'Chinese text',
  'combining accents',
];

describe('hostile statements, work per byte as they grow to the bounds', () => {
  it.each(Object.keys(bodies))('%s: checked and timed in linear time', async (name) => {
    const largest = largestAccepted(bodies[name]!);
    expect(await growth(checkAndTime, bodies[name]!, largest / 8, largest)).toBeLessThan(3);
  });

  it.each(RENDERED)('%s: drawn to PDF, both copies, in linear time', async (name) => {
    expect(bodies[name]).toBeDefined();
    const largest = largestAccepted(bodies[name]!);
    expect(await growth(drawPdf, bodies[name]!, largest / 16, largest / 2)).toBeLessThan(3);
  });
});
