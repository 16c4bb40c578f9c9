/**
 * A DOCX's Chinese face named for what it holds: the font file renamed (its name table, its checksums
 * made again, read back by fontkit), and the package naming it so in its font table, styles and runs;
 * faces every handout shares keep their names.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { renameFamily } from '../src/render/fonts/rename.js';
import { runCli } from './helpers/cli.js';
import { docxParts } from './helpers/documents.js';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');

/** The OpenType checksum of a whole file: 0xB1B0AFBA when the head table's adjustment is right. */
function fileChecksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let offset = 0; offset < padded.length; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0;
  return sum;
}

describe('a font given another family name', () => {
  it('is read back by fontkit under the new name, with its checksums right', () => {
    const file = readFileSync(join(ROOT, 'fonts/NotoSans_700Bold.ttf'));
    const renamed = renameFamily(new Uint8Array(file), 'Noto Sans', 'Noto Sans 0a1b2c3d');
    const font = fontkit.create(Buffer.from(renamed)) as fontkit.Font;
    expect(font.familyName).toBe('Noto Sans 0a1b2c3d');
    expect(font.postscriptName).toBe('NotoSans0a1b2c3d-Bold');
    expect(font.fullName).toBe('Noto Sans 0a1b2c3d Bold');
    expect(font.subfamilyName).toBe('Bold');
    expect(font.numGlyphs).toBe((fontkit.create(file) as fontkit.Font).numGlyphs);
    expect(fileChecksum(renamed)).toBe(0xb1b0afba);
  });

  it('is the same bytes when it is not a font', () => {
    const bytes = new TextEncoder().encode('not a font at all');
    expect(renameFamily(bytes, 'Noto Sans', 'x')).toBe(bytes);
  });
});

describe('the faces a DOCX embeds', () => {
  it('names a Chinese face for what it holds, everywhere the package names it, and leaves the shared faces', async () => {
    const zh = readFileSync(join(ROOT, 'test/fixtures/languages/zh.md'), 'utf8');
    const project = tempProject({
      'statements/a.md': zh,
      'statements/b.md': zh.replace('谢谢。', '麒麟饕餮。\n\n谢谢。'),
      'statements/en.md': GOOD,
    });
    expect((await runCli(['build', '--to', 'docx', '--force', '--concurrency', 'off'], { cwd: project })).code).toBe(0);
    const names = (name: string) => {
      const parts = docxParts(readFileSync(join(project, `dist/${name}.docx`)));
      const xml = Object.entries(parts)
        .filter(([path]) => path.startsWith('word/') && path.endsWith('.xml'))
        .map(([, text]) => text)
        .join('');
      return new Set([...xml.matchAll(/="(Noto Sans SC[^"]*)"/g)].map((match) => match[1]!));
    };
    const [a, b] = [names('a'), names('b')];
    expect(a.size).toBe(1);
    expect(b.size).toBe(1);
    expect([...a][0]).toMatch(/^Noto Sans SC [0-9a-f]{8}$/);
    expect([...a][0]).not.toBe([...b][0]);
    const english = docxParts(readFileSync(join(project, 'dist/en.docx')))['word/fontTable.xml']!;
    expect(english).toContain('w:name="Noto Sans"');
  });
});
