/**
 * A seventh language, added by a project with one data file (test/fixtures/seventh-language): check,
 * time, list and build use it, with no change to the tool's code.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { pdfContent } from './helpers/documents.js';

const FIXTURE = resolve(import.meta.dirname, 'fixtures/seventh-language');

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alliance-pt-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('a seventh language from a project data file', () => {
  it('is checked with its own phrases: the address and closing in Portuguese pass, a missing address is named', async () => {
    const dir = project();
    const clean = await runCli(['check'], { cwd: dir });
    expect(clean.stdout).toContain('1 file checked, no problems');
    expect(clean.code).toBe(0);
    const path = join(dir, 'statements/declaracao.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Senhor Presidente,\n\n', 'Bom dia a todos.\n\n'));
    const missing = await runCli(['check', '--format', 'json'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)[0].messages.map((message: { ruleId: string }) => message.ruleId)).toContain(
      'opening-address',
    );
  });

  it('is timed at its own pace, its figures said in Portuguese', async () => {
    const run = await runCli(['time', '--format', 'json'], { cwd: project() });
    const [entry] = JSON.parse(run.stdout);
    expect(entry).toMatchObject({ language: 'pt', pace: 120, unit: 'words' });
    // "1250000" is said "um milhão duzentos e cinquenta mil": five spoken words for one written.
    expect(entry.spokenWords - entry.writtenWords).toBeGreaterThanOrEqual(5);
  });

  it('is accepted by name in front matter, with "did you mean" for the tag', async () => {
    const dir = project();
    const path = join(dir, 'statements/declaracao.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('language: pt', 'language: Portuguese'));
    const run = await runCli(['check'], { cwd: dir });
    expect(run.stdout).toContain('`pt`');
  });

  it('prints its own words on the handout', async () => {
    const dir = project();
    const run = await runCli(['build', '--to', 'pdf'], { cwd: dir });
    expect(run.code).toBe(0);
    const text = (await pdfContent(readFileSync(join(dir, 'dist/declaracao.pdf')))).pages.join('\n');
    expect(text).toContain('Confrontar com o discurso proferido');
    expect(text).toContain('Página 1 de 1');
  });

  it('reports a mistake in the language file with its place, as a config error', async () => {
    const dir = project();
    const file = join(dir, 'languages/pt.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('direction: ltr', 'direction: sideways'));
    const run = await runCli(['check'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /languages\/pt\.yaml:3:12: Expected `direction` to be one of ltr, rtl, found `"sideways"`/,
    );
  });
});
