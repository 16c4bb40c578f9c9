/**
 * Images bounded by the work they make, not only by each file: one image shown many times is read,
 * decoded and embedded once (in the PDF and the DOCX); the pixels of a statement's images and of a
 * run's are bounded, past which an image is left out with a warning naming it. And the PNG rewritten
 * without an alpha channel that is opaque everywhere holds the same pixels, whatever the filters.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { checkPng } from '../src/engine/build/png-check.js';
import { withoutOpaqueAlpha } from '../src/engine/build/png-opaque.js';
import { runCli } from './helpers/cli.js';
import { docxParts } from './helpers/documents.js';
import { makePng } from './helpers/png.js';
import './helpers/seed.js';
import { FRONT, tempProject } from './helpers/statements.js';

/** A statement whose body shows `images` (Markdown image syntax) in one paragraph. */
const showing = (images: string) =>
  `${FRONT}\nThank you, Chair.\n\nThe Alliance of NGOs shows ${images}\n\nThank you.\n`;

/** The image objects of a PDF, as pdfimages lists them: one row per image drawn, with its object number. */
function pdfImages(path: string): { object: string; width: number }[] {
  return execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/))
    .map((cells) => ({ object: cells[10]!, width: Number(cells[3]) }));
}

describe('images, bounded by the work they make', () => {
  it('embeds an image shown 48 times, by several addresses, once in the PDF and once in the DOCX', async () => {
    const project = tempProject({ 'statements/a.md': '' });
    mkdirSync(join(project, 'img'));
    writeFileSync(join(project, 'img/big.png'), makePng(4000, 4000, 2, 8, false, 90));
    const addresses = ['../img/big.png', './../img/big.png', '../img/./big.png'];
    const references = Array.from({ length: 48 }, (_, index) => `![chart](${addresses[index % 3]})`).join(' ');
    writeFileSync(join(project, 'statements/a.md'), showing(references));
    const run = await runCli(['build', '--out', 'dist'], { cwd: project });
    expect(run.stdout).not.toContain('warning');
    expect(run.code).toBe(0);
    const drawn = pdfImages(join(project, 'dist/a.pdf'));
    expect(drawn).toHaveLength(48);
    expect(new Set(drawn.map((image) => image.object)).size).toBe(1);
    const media = Object.keys(docxParts(readFileSync(join(project, 'dist/a.docx')))).filter((name) =>
      name.startsWith('word/media/'),
    );
    expect(media).toHaveLength(1);
  });

  it("leaves out the images past a statement's pixels, and past a run's, naming each", async () => {
    // Four images of 16 megapixels (the most one may have) in one statement: the fourth is past 48.
    const project = tempProject({ 'statements/a.md': '' });
    mkdirSync(join(project, 'img'));
    for (let index = 1; index <= 20; index += 1)
      writeFileSync(join(project, `img/${index}.png`), makePng(4000, 4000, 0, 8, false, index));
    writeFileSync(
      join(project, 'statements/a.md'),
      showing('![1](../img/1.png) ![2](../img/2.png) ![3](../img/3.png) ![4](../img/4.png)'),
    );
    const one = await runCli(['build', 'statements/a.md', '--to', 'pdf', '--out', 'dist'], { cwd: project });
    expect(one.stdout).toContain(
      'Expected the images of a statement to hold at most 48 megapixels in all, found `../img/4.png` past it (16.0 megapixels)',
    );
    expect(pdfImages(join(project, 'dist/a.pdf'))).toHaveLength(3);
    // Six statements of three images each, eighteen images in all: past 256 megapixels, the run stops.
    for (let statement = 0; statement < 6; statement += 1) {
      const images = [1, 2, 3].map((index) => `![${index}](../img/${statement * 3 + index}.png)`).join(' ');
      writeFileSync(join(project, `statements/s${statement}.md`), showing(images));
    }
    const run = await runCli(['build', 'statements/s*.md', '--to', 'pdf', '--out', 'dist', '--concurrency', 'off'], {
      cwd: project,
    });
    expect(run.stdout).toContain(
      'Expected the images of one run to hold at most 256 megapixels in all, found `../img/17.png` past it',
    );
    expect(run.stdout).toContain('`../img/18.png` past it');
    expect(run.stdout).not.toContain('`../img/16.png` past it');
  });

  it('writes an opaque alpha channel away, keeping every pixel, whatever the filters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(4, 6),
        fc.constantFrom(-1, 0, 1, 2, 3, 4),
        fc.integer(),
        (width, height, colourType, filterType, salt) => {
          const picture = new PNG({ width, height });
          for (let index = 0; index < picture.data.length; index += 4) {
            const value = (index * 2654435761 + salt) >>> 0;
            picture.data[index] = value & 0xff;
            picture.data[index + 1] = colourType === 4 ? value & 0xff : (value >> 8) & 0xff;
            picture.data[index + 2] = colourType === 4 ? value & 0xff : (value >> 16) & 0xff;
            picture.data[index + 3] = 255;
          }
          const file = PNG.sync.write(picture, { colorType: colourType, inputHasAlpha: true, filterType });
          const checked = checkPng(file);
          if (!('filtered' in checked)) throw new Error(checked.damage);
          const written = withoutOpaqueAlpha(file, checked.filtered);
          expect(written).toBeDefined();
          expect(written![25]).toBe(colourType === 6 ? 2 : 0);
          expect(PNG.sync.read(Buffer.from(written!)).data.equals(PNG.sync.read(file).data)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
    // One pixel not quite opaque keeps the alpha channel.
    const picture = new PNG({ width: 3, height: 2 });
    picture.data.fill(255);
    picture.data[7] = 254;
    const file = PNG.sync.write(picture);
    const checked = checkPng(file);
    expect('filtered' in checked && withoutOpaqueAlpha(file, checked.filtered)).toBeUndefined();
  });
});
