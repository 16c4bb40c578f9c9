/** Integrations: SARIF for code scanning, JSON Schemas for editors, `--watch` on check and build. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { knownLanguages } from '../src/engine/project/registry-data.js';
import { rules } from '../src/rules/index.js';
import { runCli } from './helpers/cli.js';
import { output } from './helpers/output.js';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const SARIF_SCHEMA = join(ROOT, 'test/fixtures/sarif/sarif-2.1.0.json');
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'src/data/schemas', name), 'utf8'));
const frontMatterOf = (text: string) => parse(text.split(/^---$/m)[1]!) as Record<string, unknown>;

describe('check --format sarif', async () => {
  const project = tempProject({
    'statements/bad.md': GOOD.replace('Thank you, Chair.\n\n', '').replace('welcomes', 'TODO welcomes'),
    'statements/good.md': GOOD,
  });
  const run = await runCli(['check', '--format', 'sarif'], { cwd: project });
  const log = JSON.parse(run.stdout);

  it('is a SARIF 2.1.0 log: the rules with help and URLs, each message a result with its place', () => {
    expect(run.code).toBe(1);
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('alliance');
    expect(driver.rules.map((rule: { id: string }) => rule.id)).toEqual(rules.map((rule) => rule.id));
    for (const rule of driver.rules) {
      expect(rule.helpUri).toMatch(new RegExp(`^https://.+#${rule.id}$`));
      expect(rule.help.text.length).toBeGreaterThan(10);
    }
    const results = log.runs[0].results;
    expect(results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level])).toEqual([
      ['opening-address', 'error'],
      ['placeholder', 'error'],
    ]);
    expect(results[1].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'statements/bad.md', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 8, startColumn: 22 },
    });
    expect(driver.rules[results[1].ruleIndex].id).toBe('placeholder');
  });

  it('gives file names with `#`, `?`, `%` and spaces as URIs that lead back to them', async () => {
    const odd = tempProject({ 'statements/draft #2? 100% é.md': GOOD.replace('welcomes', 'TODO welcomes') });
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif'], { cwd: odd })).stdout);
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri as string;
    expect(uri).toBe('statements/draft%20%232%3F%20100%25%20%C3%A9.md');
    expect(decodeURIComponent(new URL(uri, 'file:///project/').pathname)).toBe(
      '/project/statements/draft #2? 100% é.md',
    );
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    const ajv = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });
});

describe('the JSON Schemas shipped for editors', () => {
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  const frontMatter = ajv.compile(schema('front-matter.schema.json'));
  const config = ajv.compile(schema('config.schema.json'));

  it('accept the example statements and the rule fixtures meant to pass', () => {
    const files = [
      ...readdirSync(join(ROOT, 'statements'), { recursive: true })
        .filter((name) => String(name).endsWith('.md'))
        .map((name) => join(ROOT, 'statements', String(name))),
      join(ROOT, 'test/fixtures/rules/field-type/ok.md'),
      join(ROOT, 'test/fixtures/build/statements/everything.md'),
    ];
    for (const file of files)
      expect(
        frontMatter(frontMatterOf(readFileSync(file, 'utf8'))),
        `${file}: ${JSON.stringify(frontMatter.errors)}`,
      ).toBe(true);
  });

  it('reject what the checker rejects', () => {
    expect(
      frontMatter(frontMatterOf(readFileSync(join(ROOT, 'test/fixtures/rules/field-type/not-ok.md'), 'utf8'))),
    ).toBe(false);
    expect(frontMatter({ forum: 'CCPCJ', session: 1 })).toBe(false);
    expect(frontMatter({ forum: 'CCPCJ', session: 1, speaker: 'A', speker: 'B' })).toBe(false);
    expect(frontMatter({ forum: 'CCPCJ', session: 1, speaker: 'A', slot: 'three minutes' })).toBe(false);
    expect(
      frontMatter({
        forum: 'CCPCJ',
        session: 1,
        speaker: 'A',
        slot: '2m30s',
        pace: 100,
        date: '2025-05-19',
        language: 'fr-CH',
      }),
    ).toBe(true);
  });

  it('accept the config that init writes and the README shows, and reject a wrong one', async () => {
    const project = tempProject();
    await runCli(['init', '--organization', 'Alliance of NGOs', '--yes'], { cwd: project });
    expect(config(parse(readFileSync(join(project, 'alliance.config.yaml'), 'utf8')))).toBe(true);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(config(parse(example)), JSON.stringify(config.errors)).toBe(true);
    expect(config({ organisation: 'X' })).toBe(false);
    expect(config({ rules: { closin: 'off' } })).toBe(false);
    expect(config({ rules: { closing: 'maybe' } })).toBe(false);
  });

  it('know every language, rule and field the code knows', () => {
    for (const language of knownLanguages())
      expect(frontMatter({ forum: 'X', session: 1, speaker: 'A', language })).toBe(true);
    expect(schema('config.schema.json').properties.rules.propertyNames.enum).toEqual(rules.map((rule) => rule.id));
  });
});

describe('--watch', () => {
  /** Runs a command with `--watch`, changes a file once it watches, and waits for `until` in what it prints after. */
  async function watching(args: string[], cwd: string, change: () => void, until: string) {
    const controller = new AbortController();
    const stdout = output();
    const stderr = output();
    const finished = main(['node', 'alliance', ...args, '--watch'], {
      cwd,
      env: {},
      stdout,
      stderr,
      signal: controller.signal,
    });
    await stdout.until('checked');
    await stderr.until('Watching');
    const firstLength = stdout.text.length;
    change();
    await stdout.until(until, firstLength);
    controller.abort();
    return { code: await finished, stdout: stdout.text };
  }

  it('re-checks only the statement saved', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'statements/b.md': GOOD });
    const run = await watching(
      ['check'],
      project,
      () => writeFileSync(join(project, 'statements/b.md'), GOOD.replace('Thank you.\n', 'TODO\n')),
      '1 file checked',
    );
    expect(run.stdout).toContain('2 files checked, no problems');
    expect(run.stdout).toMatch(/statements\/b\.md\n.*placeholder/);
    expect(run.code).toBe(1);
  });

  it('rebuilds the statement saved', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    const controller = new AbortController();
    const stdout = output();
    const stderr = output();
    const finished = main(['node', 'alliance', 'build', '--watch'], {
      cwd: project,
      env: {},
      stdout,
      stderr,
      signal: controller.signal,
    });
    await stdout.until('1 statement built');
    await stderr.until('Watching');
    const before = readFileSync(join(project, 'dist/a.pdf'));
    writeFileSync(join(project, 'statements/a.md'), GOOD.replace('welcomes', 'applauds'));
    const again = await stdout.until('—');
    expect(await stdout.until('1 statement built (2 files)', again)).toBeGreaterThan(again);
    controller.abort();
    expect(await finished).toBe(0);
    expect(readFileSync(join(project, 'dist/a.pdf')).equals(before)).toBe(false);
  });
});
