/**
 * Hostile statements (test/hostile/cases.js: a few hundred, made to cost a parser, a tokenizer or a
 * renderer time or memory out of proportion to their size, plus fuzzed ones with a fixed seed) through
 * the built CLI, in a process whose heap is far below the machine's: every command finishes, reports each
 * file, and says something about each refused one; nothing ends in an internal error. The time each
 * takes is the benchmark's business (`npm run bench`); here the timeouts only catch a hang.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempProject } from './helpers/statements.js';
// @ts-expect-error: a plain ES module, shared with the benchmark
import { hostileAssets, hostileCases } from './hostile/cases.js';

const BIN = resolve(import.meta.dirname, '../bin/alliance.js');
const HEAP_MB = 256;
const cases = (hostileCases as () => { name: string; text: string }[])();
let project = '';
const fileOf = new Map<string, string>();

/** Runs the CLI in a child process with a small heap; a run that dies or hangs fails the test. */
function run(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, BIN, ...args, '--concurrency', 'off'],
    {
      cwd: project,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 600_000,
    },
  );
  expect(result.error, 'the run ended').toBeUndefined();
  expect(result.stderr).not.toContain('internal error');
  return result;
}

beforeAll(() => {
  project = tempProject({});
  mkdirSync(join(project, 'statements'), { recursive: true });
  for (const [path, bytes] of Object.entries((hostileAssets as () => Record<string, Buffer>)())) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), bytes);
  }
  cases.forEach((entry, index) => {
    const name = `case-${String(index).padStart(3, '0')}.md`;
    fileOf.set(name, entry.name);
    writeFileSync(join(project, 'statements', name), entry.text);
  });
});

describe(`${cases.length} hostile statements`, () => {
  it('are checked, each file reported, a refused one with a finding, none an internal error', () => {
    const result = run(['check', '--format', 'json']);
    expect(result.status).toBe(1);
    const reports = JSON.parse(result.stdout) as {
      filePath: string;
      messages: { ruleId: string; message: string }[];
    }[];
    expect(reports).toHaveLength(cases.length);
    const refused = reports.filter((report) => report.messages.some((message) => message.ruleId === 'markdown'));
    // The cases larger than the bound on size are all refused, with the bound in words.
    expect(refused.length).toBeGreaterThan(cases.length / 4);
    for (const report of refused) {
      const message = report.messages.find((entry) => entry.ruleId === 'markdown')!;
      expect(message.message, fileOf.get(report.filePath.split('/').pop()!)).toMatch(/^Expected .* found /);
    }
  });

  it('are timed and listed, each one', () => {
    const timed = JSON.parse(run(['time', '--format', 'json']).stdout) as unknown[];
    expect(timed).toHaveLength(cases.length);
    const listed = JSON.parse(run(['list', '--format', 'json']).stdout) as { statements: unknown[] };
    expect(listed.statements).toHaveLength(cases.length);
  });

  it('are built, those without errors; the others are named, and the manifest is written', () => {
    const result = run(['build', '--force']);
    expect([0, 1]).toContain(result.status);
    expect(result.stdout).toMatch(/statements? built/);
  });
});

describe('project files that come with a pull request', () => {
  it('refuses a config file far larger than any real one before parsing it, with its place', async () => {
    const { runCli } = await import('./helpers/cli.js');
    const { GOOD } = await import('./helpers/statements.js');
    const keys = Array.from({ length: 60_000 }, (_, index) => `k${index}: v`).join('\n');
    const dir = tempProject({ 'statements/a.md': GOOD, 'alliance.config.yaml': `organization: A\n${keys}\n` });
    const result = await runCli(['check'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/alliance\.config\.yaml:1:1: Expected a file of at most 256 KB, found .* of \d+ KB/);
  });

  it('refuses a language file that expands aliases without end', async () => {
    const { runCli } = await import('./helpers/cli.js');
    const { GOOD } = await import('./helpers/statements.js');
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1)
      levels.push(
        `${'abcdefghij'[level]}: &${'abcdefghij'[level]} [${Array(9)
          .fill(`*${'abcdefghij'[level - 1]}`)
          .join(', ')}]`,
      );
    const dir = tempProject({ 'statements/a.md': GOOD, 'languages/pt.yaml': `${levels.join('\n')}\n` });
    const result = await runCli(['check'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('languages/pt.yaml');
    expect(result.stderr).toContain('excessive aliases');
  });
});
