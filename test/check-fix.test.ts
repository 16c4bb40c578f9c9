/**
 * `check --fix` as a user runs it: the certain fixes written (atomically, only to a file unchanged since
 * it was read), suggestions never applied, `--fix-dry-run` and `--format diff` writing nothing, `--stdin`
 * for editors and hooks, the repairs in JSON and SARIF; and, on generated statements, fixes that never
 * change the words spoken or the time they take.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import './helpers/seed.js';
import { check, writeFixes } from '../src/engine/index.js';
import { fixText } from '../src/engine/check/fix.js';
import { parseStatement } from '../src/engine/load/load.js';
import { createContext } from '../src/engine/project/context.js';
import { defaultConfig } from '../src/engine/project/config.js';
import { timeStatement } from '../src/timing/estimate.js';
import { runCli } from './helpers/cli.js';
import { tempProject } from './helpers/statements.js';

const FRENCH = `---\nforum: CCPCJ\nsession: 34\nspeaker: Marie Dupont\norganization: Alliance des ONG\nlanguage: fr\n---\n\nMonsieur le Président,\n\nL'Alliance des ONG remercie la Commission; elle dit "merci"  à tous : 27 % des victimes !\n\nJe vous remercie.\n`;
const FIXED = `---\nforum: CCPCJ\nsession: 34\nspeaker: Marie Dupont\norganization: Alliance des ONG\nlanguage: fr\n---\n\nMonsieur le Président,\n\nL’Alliance des ONG remercie la Commission\u202f; elle dit «\u202fmerci\u202f» à tous\u00a0: 27\u202f% des victimes\u202f!\n\nJe vous remercie.\n`;
/** Addressed to the President at the CCPCJ, whose officer is the Chair: a suggestion, never a fix. */
const WRONG_OFFICER = `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana Pérez\norganization: Alliance of NGOs\n---\n\nMr. President,\n\nThe Alliance of NGOs  welcomes the report.\n\nThank you.\n`;

describe('check --fix', () => {
  it('writes the certain fixes, reports what is left, and leaves suggestions to the author', async () => {
    const project = tempProject({ 'statements/fr.md': FRENCH, 'statements/en.md': WRONG_OFFICER });
    const run = await runCli(['check', '--fix'], { cwd: project });
    expect(readFileSync(join(project, 'statements/fr.md'), 'utf8')).toBe(FIXED);
    const english = readFileSync(join(project, 'statements/en.md'), 'utf8');
    expect(english).toContain('Mr. President,');
    expect(english).toContain('The Alliance of NGOs welcomes');
    expect(run.stdout).toContain('presiding-officer');
    expect(run.stdout).not.toMatch(/extra-spaces|punctuation-spacing|typographic-quotes/);
    // Nothing left to fix: a second run changes nothing.
    await runCli(['check', '--fix'], { cwd: project });
    expect(readFileSync(join(project, 'statements/fr.md'), 'utf8')).toBe(FIXED);
  });

  it('writes nothing with --fix-dry-run, and shows the change with --format diff', async () => {
    const project = tempProject({ 'statements/fr.md': FRENCH });
    const run = await runCli(['check', '--fix-dry-run', '--format', 'diff'], { cwd: project });
    expect(readFileSync(join(project, 'statements/fr.md'), 'utf8')).toBe(FRENCH);
    expect(run.stdout).toContain('--- a/statements/fr.md\n+++ b/statements/fr.md\n@@ -8,6 +8,6 @@\n');
    // git reads it as a patch that applies to the file.
    writeFileSync(join(project, 'fix.diff'), run.stdout);
    execFileSync('git', ['apply', '--check', 'fix.diff'], { cwd: project });
    expect(run.stdout).toContain(
      `-L'Alliance des ONG remercie la Commission; elle dit "merci"  à tous : 27 % des victimes !`,
    );
    expect(run.stdout).toContain(`+${FIXED.split('\n')[10]}`);
    const json = JSON.parse((await runCli(['check', '--fix-dry-run', '--format', 'json'], { cwd: project })).stdout);
    expect(json[0].output).toBe(FIXED);
  });

  it('fixes standard input as the file named, for an editor or a pre-commit hook', async () => {
    const project = tempProject({ 'alliance.config.yaml': 'organization: Alliance des ONG\n' });
    const run = await runCli(['check', '--stdin', '--stdin-filename', 'statements/fr.md', '--fix'], {
      cwd: project,
      stdin: FRENCH,
    });
    expect(run.stdout).toBe(FIXED);
    const report = await runCli(['check', '--stdin', '--stdin-filename', 'statements/fr.md', '--format', 'json'], {
      cwd: project,
      stdin: FRENCH,
    });
    const messages = JSON.parse(report.stdout)[0].messages as { ruleId: string; fix?: unknown }[];
    expect(messages.filter((message) => message.fix).length).toBeGreaterThan(3);
  });

  it('does not write a file saved again since it was read', async () => {
    const project = tempProject({ 'statements/fr.md': FRENCH });
    const result = await check({ cwd: project, fix: true });
    expect(result.results[0]!.output).toBe(FIXED);
    writeFileSync(join(project, 'statements/fr.md'), `${FRENCH}\nUne phrase ajoutée.\n`);
    const written = await writeFixes(result);
    expect(written.written).toEqual([]);
    expect(written.skipped[0]?.reason).toMatch(/changed after it was read/);
    expect(readFileSync(join(project, 'statements/fr.md'), 'utf8')).toContain('Une phrase ajoutée.');
  });

  it('gives each repair as data: fix and suggestions in JSON, fixes in SARIF', async () => {
    const project = tempProject({ 'statements/en.md': WRONG_OFFICER });
    const json = JSON.parse((await runCli(['check', '--format', 'json'], { cwd: project })).stdout);
    const messages = json[0].messages as {
      ruleId: string;
      fix?: { range: number[]; text: string };
      suggestions?: { desc: string }[];
    }[];
    expect(messages.find((message) => message.ruleId === 'extra-spaces')?.fix?.text).toBe(' ');
    expect(messages.find((message) => message.ruleId === 'presiding-officer')?.suggestions?.map((s) => s.desc)).toEqual(
      ['Address the chair as “Madam Chair”', 'Address the chair as “Mr. Chair”', 'Address the chair as “Chair”'],
    );
    expect(json[0].fixableWarningCount).toBe(1);
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif'], { cwd: project })).stdout);
    const fixes = sarif.runs[0].results.flatMap((result: { fixes?: unknown[] }) => result.fixes ?? []);
    expect(fixes.length).toBe(4);
  });
});

describe('fixes on generated statements', () => {
  const context = createContext(defaultConfig(tempProject()));
  const words = ['la', 'Commission', 'salue', 'le', "l'ONUDC", 'rapport', '2023', '1 250 000', '27 %', 'victimes'];
  const signs = [';', ':', '!', '?', ',', '.', '"', ' ', '  ', '« ', ' »'];
  const paragraph = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...signs)), { minLength: 3, maxLength: 30 })
    .map((parts) => parts.join(' '));

  it('never change the words spoken or the time they take, and are a fixed point', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('fr', 'en', 'ru'),
        (body, language) => {
          const text = `---\nforum: CCPCJ\nsession: 34\nlanguage: ${language}\n---\n\nMonsieur le Président,\n\n${body.join('\n\n')}\n\nMerci.\n`;
          const before = timeStatement(parseStatement('/s.md', text, context));
          const fixed = fixText('/s.md', text, context);
          const after = timeStatement(parseStatement('/s.md', fixed.output, context));
          expect(after.spokenWords).toBe(before.spokenWords);
          expect(after.seconds).toBeCloseTo(before.seconds, 6);
          expect(fixText('/s.md', fixed.output, context).changed).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });
});
