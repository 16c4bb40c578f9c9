/**
 * A template's own font that is damaged is named, with the template's place, before any handout
 * depends on it: one that a font library cannot read (a flipped byte in its glyph locations), and one
 * that makes it loop for ever (flipped bytes in its substitutions), tried on a thread of its own and
 * given up on. Never an internal error, never a hang.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { spawnSync } from 'node:child_process';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const FONT = readFileSync(join(ROOT, 'fonts/NotoSans_400Regular.ttf'));

/** Noto Sans with the bytes at `offsets` of its table `tag` inverted. */
function damaged(tag: string, offsets: readonly number[]): Buffer {
  const font = Buffer.from(FONT);
  const tables = font.readUInt16BE(4);
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16;
    if (font.toString('latin1', record, record + 4) !== tag) continue;
    const start = font.readUInt32BE(record + 8);
    for (const offset of offsets) font[start + offset]! ^= 0xff;
    return font;
  }
  throw new Error(`Expected a table ${tag}`);
}

/** A project whose template draws the body with `font`. */
function projectWith(font: Buffer): string {
  const project = tempProject({ 'statements/a.md': GOOD });
  mkdirSync(join(project, 'templates'), { recursive: true });
  writeFileSync(join(project, 'templates/bad.ttf'), font);
  writeFileSync(
    join(project, 'templates/handout.yaml'),
    'fonts:\n  body: { regular: bad.ttf, bold: bad.ttf, italic: bad.ttf, boldItalic: bad.ttf }\n',
  );
  return project;
}

describe("a template's damaged font", () => {
  it('that cannot be read is named with its place, and the statement is not built', async () => {
    const run = await runCli(['build', '--concurrency', 'off'], { cwd: projectWith(damaged('loca', [167, 225, 237])) });
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Expected a TrueType or OpenType font at `bad.ttf`, found a file that cannot be read as one (Offset is outside the bounds of the DataView)',
    );
  });

  it('that makes a reader loop is given up on, named, and the run ends', () => {
    // The compiled CLI: its font check runs on a thread of its own, which is stopped.
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/alliance.js'), 'build', '--concurrency', 'off'], {
      cwd: projectWith(damaged('GSUB', [4, 132, 226])),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.error).toBeUndefined();
    expect(run.stderr).not.toContain('internal error');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('found a font that could not be read in 4 s (damaged, or made to stall a reader)');
  });
});
