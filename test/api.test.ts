/**
 * The Node API as a user's script meets it: the package imported by its name (`alliance`), from a
 * project where it is installed; the README's example run as it is written.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
const LONG = GOOD.replace('Thank you.\n', `${'We call on States to act now. '.repeat(60).trimEnd()}\n\nThank you.\n`);

/** A project with the package installed as `node_modules/alliance` (linked to this checkout, built). */
function projectWithPackage(files: Record<string, string>): string {
  const project = tempProject(files);
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(project, 'node_modules', 'alliance'), 'dir');
  return project;
}

function runScript(project: string, script: string): string {
  writeFileSync(join(project, 'script.mjs'), script);
  return execFileSync(process.execPath, ['script.mjs'], { cwd: project, encoding: 'utf8' });
}

describe('the Node API', () => {
  it("runs the README's example as written, by the package's name", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Node API'));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toContain("from 'alliance'");
    const project = projectWithPackage({ 'statements/good.md': GOOD, 'statements/long.md': LONG });
    const output = runScript(project, example!);
    expect(output).toMatch(
      /statements\/long\.md:\d+:1 Expected at most `3:00` of speaking time .* \(speaking-time\)\n/,
    );
    expect(output).toContain('1 errors, 0 warnings: findings');
    expect(output).toMatch(
      /^::error file=statements\/long\.md,line=\d+,col=1,.*title=speaking-time::Expected at most/m,
    );
    expect(output).toContain('alliance check: 1 error, 0 warnings in 2 files checked');
    expect(output).toMatch(/statements\/good\.md \d+ fits/);
    expect(output).toMatch(/statements\/long\.md \d+ over/);
  });

  it('returns results that carry the decisions: counts, rules, fit, outcome; a usage mistake is thrown', () => {
    const project = projectWithPackage({
      'statements/bad.md': GOOD.replace('Thank you, Chair.\n\n', ''),
      'statements/long.md': LONG,
    });
    const output = runScript(
      project,
      `import { check, time, list, UsageError } from 'alliance';
const checked = await check({ cwd: process.cwd() });
const timed = await time({ patterns: ['statements/long.md'] });
const listed = await list({ sort: 'time' });
let thrown = '';
try { await check({ patterns: ['nothing/*.md'] }); } catch (error) { thrown = error instanceof UsageError ? error.message : 'other'; }
console.log(JSON.stringify({
  outcome: checked.outcome, errors: checked.errorCount, rule: checked.results[0].messages[0].ruleId,
  rules: checked.rules.length, fit: timed.statements[0].fit.status, cut: timed.statements[0].fit.wordsToCut > 0,
  timeOutcome: timed.outcome, listed: listed.statements.map((s) => s.path.split('/').pop()), thrown,
}));`,
    );
    const result = JSON.parse(output);
    expect(result).toMatchObject({
      outcome: 'findings',
      errors: 2,
      rule: 'opening-address',
      fit: 'over',
      cut: true,
      timeOutcome: 'findings',
      listed: ['bad.md', 'long.md'],
    });
    expect(result.rules).toBeGreaterThan(15);
    expect(result.thrown).toContain('Expected files matching `nothing/*.md`, found none');
  });

  it('ships its types', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.exports['.'].types).toBe('./lib/engine/index.d.ts');
    const types = readFileSync(join(ROOT, manifest.exports['.'].types), 'utf8');
    for (const name of ['check', 'time', 'list', 'build', 'watch', 'init', 'newStatement', 'openProject'])
      expect(types).toContain(`export declare function ${name}(`);
  });
});
