/**
 * An organization's own phrasing: a project adds to (or replaces) the built-in phrases of a language
 * with its own `languages/<tag>.yaml`; check and time use them; mistakes are config errors with their
 * place; the cache key covers them.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

const OWN_CLOSING = GOOD.replace('Thank you.\n', 'With our gratitude to the Commission.\n');
const OWN_OPENING = GOOD.replace('Thank you, Chair.', 'Dear Convenor, thank you.');

describe("a project's own phrases", () => {
  it('are added to the built-in ones: its closing and its officer title pass, and the usual ones still do', async () => {
    const project = tempProject({
      'statements/own.md': OWN_CLOSING,
      'statements/title.md': OWN_OPENING,
      'statements/usual.md': GOOD,
      'languages/en.yaml': 'phrases:\n  closings: [with our gratitude]\n  addresses:\n    chair: [convenor]\n',
    });
    const run = await runCli(['check'], { cwd: project });
    expect(run.stdout).toContain('3 files checked, no problems');
  });

  it('replace the built-in ones where the file says so', async () => {
    const project = tempProject({
      'statements/usual.md': GOOD,
      'languages/en.yaml': 'replace: [phrases.closings]\nphrases:\n  closings: [with our gratitude]\n',
    });
    const run = await runCli(['check', '--format', 'json'], { cwd: project });
    expect(JSON.parse(run.stdout)[0].messages.map((message: { ruleId: string }) => message.ruleId)).toEqual([
      'closing',
    ]);
  });

  it.each([
    ['phrases:\n  closings: 5\n', '2:13: Expected `phrases.closings` to be a list, found a number'],
    ['phrases:\n  closings: [ok, 7]\n', '2:18: Expected each entry of `phrases.closings` to be text, found a number'],
    ['phrases:\n  closers: [x]\n', '2:3: Unexpected key `phrases.closers`, expected one of'],
    ['pace: 9000\n', '1:7: Expected `pace` to be from 20 to 400, found `9000`'],
    ['unit: syllables\n', '1:7: Expected `unit` to be one of words, characters'],
  ])('report a mistake with its line and column: %j', async (text, expected) => {
    const project = tempProject({ 'statements/a.md': GOOD, 'languages/en.yaml': text });
    const run = await runCli(['check'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`languages/en.yaml:${expected}`);
  });

  it('are part of the cache key: a changed phrase file checks again', async () => {
    const project = tempProject({ 'statements/own.md': OWN_CLOSING });
    const before = await runCli(['check', '--cache'], { cwd: project });
    expect(before.code).toBe(1);
    mkdirSync(join(project, 'languages'));
    writeFileSync(join(project, 'languages/en.yaml'), 'phrases:\n  closings: [with our gratitude]\n');
    const after = await runCli(['check', '--cache'], { cwd: project });
    expect(after.code).toBe(0);
  });
});

describe('the JSON Schema of a language record', () => {
  const schema = JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../src/data/schemas/language.schema.json'), 'utf8'),
  );
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it.each(['ar', 'en', 'es', 'fr', 'ru', 'zh'])('accepts the built-in record %s', (tag) => {
    const record = parse(readFileSync(resolve(import.meta.dirname, `../src/data/languages/${tag}.yaml`), 'utf8'));
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  });

  it("accepts the fixture's Portuguese and refuses a wrong one", () => {
    const portuguese = parse(
      readFileSync(resolve(import.meta.dirname, 'fixtures/seventh-language/languages/pt.yaml'), 'utf8'),
    );
    expect(validate(portuguese), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ direction: 'sideways' })).toBe(false);
    expect(validate({ phrases: { closings: 5 } })).toBe(false);
  });
});
