/**
 * The handouts of the left-to-right languages read back exactly in pdf.js 4.10 (the legacy build many
 * viewers still ship), as in poppler and pdf.js 5: every paragraph of every fixture, with no
 * normalization but white space (none at all in Chinese, whose lines join without a space).
 * Arabic is not here: pdf.js 4.10 cuts a right-to-left line into text items where the text layer moves
 * between pieces and joins them in drawing order (docs/text-layer.md, "What is still imperfect").
 * Its own file: two versions of pdf.js cannot be loaded in one process.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist-4/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tempProject } from './helpers/statements.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/languages');
const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh'] as const;

/** The spoken paragraphs and list items of a fixture, as written, inline marks removed. */
function paragraphsOf(markdown: string): string[] {
  const body = markdown.split(/^---$/m).slice(2).join('---');
  return body
    .split(/\n\s*\n/)
    .flatMap((block) => (/^- /m.test(block) ? block.split(/^- /m) : [block]))
    .map((text) => text.replace(/\*\*|__|\*/g, '').trim())
    .filter(Boolean);
}

/** The text pdf.js 4.10 reads from a PDF, its items joined as a viewer's text layer does. */
async function legacyText(path: string): Promise<string> {
  const document = await getDocument({
    data: new Uint8Array(readFileSync(path)),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  let text = '';
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
  }
  await document.destroy();
  return text;
}

describe('pdf.js 4.10 reading the handouts back', () => {
  let project: string;

  beforeAll(async () => {
    project = tempProject();
    const files = LANGUAGES.map((language) => join(FIXTURES, `${language}.md`));
    const built = await runCli(['build', ...files, '--out', join(project, 'dist'), '--force', '--concurrency', 'off'], {
      cwd: project,
    });
    expect(built.code, built.stderr).toBe(0);
  }, 60_000);

  it.each(LANGUAGES)('reads every paragraph of %s exactly', async (language) => {
    const squeeze = (text: string) => (language === 'zh' ? text.replace(/\s+/g, '') : text.replace(/\s+/g, ' '));
    const pdf = join(project, 'dist', `${language}.pdf`);
    const text = squeeze(await legacyText(pdf));
    const paragraphs = paragraphsOf(readFileSync(join(FIXTURES, `${language}.md`), 'utf8'));
    expect(paragraphs.length).toBeGreaterThan(5);
    for (const paragraph of paragraphs) expect(text).toContain(squeeze(paragraph));
  });
});
