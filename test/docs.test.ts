/** Documentation generated from the code is up to date, and each rule's header agrees with the rule. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/rules/index.js';
// @ts-expect-error: a plain ES module script, without types
import { ruleHeader, ruleIds } from '../scripts/rule-table.mjs';

const ROOT = resolve(import.meta.dirname, '..');

describe('the rules documentation', () => {
  it("is the README's table, up to date with the rule files (npm run docs)", () => {
    expect(() =>
      execFileSync(process.execPath, ['scripts/rule-table.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('names every rule of the registry, in its order, each header with the id and severity of its rule', () => {
    expect(ruleIds()).toEqual(rules.map((rule) => rule.id));
    for (const rule of rules) {
      const header = (ruleHeader as (id: string) => { id: string; severity: string })(rule.id);
      expect(header, rule.id).toMatchObject({ id: rule.id, severity: rule.severity });
    }
  });
});
