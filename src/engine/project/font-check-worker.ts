/**
 * The thread that tries a template's own font file (font-check.ts): parsed, each character of the
 * sample drawn (its outline decoded, its width read), the sample shaped, and subset as the PDF
 * (fontkit) and the DOCX (HarfBuzz) will subset it. What goes wrong is written into the shared buffer;
 * a font that hangs is stopped by the thread that asked.
 */
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { create, type Font } from 'fontkit';
import { subsetFont } from '../../render/fonts/subset.js';
import { FONT_SAMPLE, writeProblem } from './font-sample.js';

const { path, shared } = workerData as { path: string; shared: SharedArrayBuffer };

/** What is wrong with the font at `path`, or undefined when it draws, shapes and subsets the sample. */
async function tryFont(): Promise<string | undefined> {
  const bytes = readFileSync(path);
  const parsed = create(bytes) as ReturnType<typeof create> & { layout?: unknown; createSubset?: unknown };
  if (typeof parsed.layout !== 'function' || typeof parsed.createSubset !== 'function')
    return 'a font collection or another format';
  const font = parsed as Font;
  for (const character of FONT_SAMPLE) {
    const glyph = font.glyphForCodePoint(character.codePointAt(0)!);
    void glyph.path.commands.length;
    void glyph.advanceWidth;
  }
  const run = font.layout(FONT_SAMPLE);
  const subset = font.createSubset();
  for (const glyph of run.glyphs) subset.includeGlyph(glyph);
  subset.encode();
  await subsetFont(bytes, FONT_SAMPLE);
  return undefined;
}

tryFont().then(
  (problem) => writeProblem(shared, problem),
  (error: unknown) =>
    writeProblem(shared, `a file that cannot be read as one (${(error as Error)?.message ?? String(error)})`),
);
