/**
 * Every rule against its fixtures: `test/fixtures/rules/<rule-id>/ok*.md` must draw no message of the
 * rule, and each `not-ok*.md` exactly the messages in its `.expected` file (`line:column reason`).
 * Adding a case means adding a file.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../src/engine/project/context.js';
import { defaultConfig } from '../src/engine/project/config.js';
import { loadStatement } from '../src/engine/load/load.js';
import { runRules } from '../src/engine/check/run-rules.js';
import { rules } from '../src/rules/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures/rules');
const context = createContext(defaultConfig(FIXTURES));

function messagesOf(path: string, ruleId: string): string[] {
  const statement = loadStatement(path, context);
  return runRules(statement)
    .messages.filter((message) => message.ruleId === ruleId)
    .map((message) => `${message.line}:${message.column} ${message.reason}`);
}

describe.each(rules.map((rule) => rule.id))('rule %s', (ruleId) => {
  const folder = join(FIXTURES, ruleId);
  const fixtures = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.md')) : [];
  const ok = fixtures.filter((name) => name.startsWith('ok'));
  const notOk = fixtures.filter((name) => name.startsWith('not-ok'));

  it('has an ok and a not-ok fixture', () => {
    expect(ok.length).toBeGreaterThan(0);
    expect(notOk.length).toBeGreaterThan(0);
  });

  it('is documented at the top of its own file, named by its id', () => {
    const source = readFileSync(join(import.meta.dirname, `../src/rules/${ruleId}.ts`), 'utf8');
    expect(source.startsWith(`/**\n * \`${ruleId}\` (`)).toBe(true);
  });

  it.each(ok)('reports nothing on %s', (name) => {
    expect(messagesOf(join(folder, name), ruleId)).toEqual([]);
  });

  it.each(notOk)('reports what %s expects', (name) => {
    const expected = readFileSync(join(folder, name.replace(/\.md$/, '.expected')), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(expected.length).toBeGreaterThan(0);
    expect(messagesOf(join(folder, name), ruleId)).toEqual(expected);
  });
});
