/**
 * The fonts a DOCX carries: the faces its text uses, subset to the blocks of the six languages,
 * obfuscated with keys the font table names, declared in the settings, the same bytes on every build.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { create, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { obfuscate } from '../src/render/docx/fonts.js';
import { runCli } from './helpers/cli.js';
import { tempProject } from './helpers/statements.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/languages');

/** The embedded faces of a DOCX: family, style element, and the font read back. */
function embedded(docx: Uint8Array): { family: string; style: string; font: Font }[] {
  const files = unzipSync(docx);
  const text = (path: string) => new TextDecoder().decode(files[path]);
  const targets = new Map(
    [...text('word/_rels/fontTable.xml.rels').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((match) => [
      match[1]!,
      match[2]!,
    ]),
  );
  return [...text('word/fontTable.xml').matchAll(/<w:font w:name="([^"]+)">(.*?)<\/w:font>/g)].flatMap((font) =>
    [...font[2]!.matchAll(/<w:(embed\w+) r:id="([^"]+)" w:fontKey="([^"]+)"\/>/g)].map((face) => ({
      family: font[1]!,
      style: face[1]!,
      font: create(Buffer.from(obfuscate(files[`word/${targets.get(face[2]!)}`]!, face[3]!))) as Font,
    })),
  );
}

describe('the fonts of a DOCX handout', () => {
  let project: string;
  const docx = (name: string) => new Uint8Array(readFileSync(join(project, `dist/${name}.docx`)));

  beforeAll(async () => {
    project = tempProject();
    mkdirSync(join(project, 'statements'));
    for (const language of ['en', 'ar', 'zh'])
      copyFileSync(join(FIXTURES, `${language}.md`), join(project, `statements/${language}.md`));
    const run = await runCli(['build', '--to', 'docx', '--concurrency', 'off'], { cwd: project });
    expect(run.code, run.stderr).toBe(0);
  });

  it('embeds the faces its text uses, readable, with the letters of the six languages', () => {
    const faces = embedded(docx('en'));
    expect(faces.map(({ family, style }) => `${family} ${style}`)).toEqual([
      'Noto Sans embedRegular',
      'Noto Sans embedBold',
    ]);
    for (const { font } of faces) {
      expect(font.familyName).toBe('Noto Sans');
      for (const character of 'Aé’ș№−Жλ•')
        expect(font.hasGlyphForCodePoint(character.codePointAt(0)!), character).toBe(true);
      expect(font.numGlyphs).toBeLessThan(2000);
    }
  });

  it('embeds the Arabic and Chinese families where their text is, subset', () => {
    const arabic = embedded(docx('ar'));
    expect(arabic.map(({ family }) => family)).toContain('IBM Plex Sans Arabic');
    const plex = arabic.find(({ family }) => family === 'IBM Plex Sans Arabic')!.font;
    expect(plex.hasGlyphForCodePoint(0x0644)).toBe(true);
    // The joining forms come along with the letters: the layout tables are kept.
    expect(plex.layout('الجنائية').glyphs.length).toBeGreaterThan(3);
    // Named for the characters it holds (see docx/fonts.ts): `Noto Sans SC 1a2b3c4d`.
    const chinese = embedded(docx('zh')).find(({ family }) => /^Noto Sans SC [0-9a-f]{8}$/.test(family))!.font;
    expect(chinese.hasGlyphForCodePoint('议'.codePointAt(0)!)).toBe(true);
    expect(chinese.hasGlyphForCodePoint('龘'.codePointAt(0)!)).toBe(false);
    expect(chinese.numGlyphs).toBeLessThan(3000);
  });

  it('tells Word the fonts are embedded, as subsets, where its settings schema puts it', () => {
    const settings = new TextDecoder().decode(unzipSync(docx('en'))['word/settings.xml']);
    expect(settings).toContain(
      '<w:displayBackgroundShape/><w:embedTrueTypeFonts/><w:saveSubsetFonts/><w:defaultTabStop',
    );
    const types = new TextDecoder().decode(unzipSync(docx('en'))['[Content_Types].xml']);
    expect(types).toContain('Extension="odttf"');
  });

  it('writes the same bytes on every build', async () => {
    const first = docx('ar');
    const again = await runCli(['build', '--to', 'docx', '--rebuild', '--concurrency', 'off'], { cwd: project });
    expect(again.code).toBe(0);
    expect(Buffer.from(docx('ar')).equals(Buffer.from(first))).toBe(true);
  });

  it('obfuscates as ECMA-376 asks: the first 32 bytes XORed with the key reversed, and back', () => {
    const font = new Uint8Array(64).map((_, index) => index);
    const key = '{00112233-4455-6677-8899-AABBCCDDEEFF}';
    const hidden = obfuscate(font, key);
    expect(hidden[0]).toBe(0 ^ 0xff);
    expect(hidden[15]).toBe(15 ^ 0x00);
    expect(hidden[16]).toBe(16 ^ 0xff);
    expect([...hidden.subarray(32)]).toEqual([...font.subarray(32)]);
    expect([...obfuscate(hidden, key)]).toEqual([...font]);
  });
});
