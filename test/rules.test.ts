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
import { fixText } from '../src/engine/check/fix.js';
import { rules, rulesById } from '../src/rules/index.js';

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
  const notOk = fixtures.filter((name) => name.startsWith('not-ok') && !name.endsWith('.fixed.md'));

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

  const fixable = rulesById.get(ruleId)?.fixable === true;

  it.runIf(fixable).each(notOk)('fixes %s into its .fixed.md, and the fix is a fixed point', (name) => {
    const path = join(folder, name);
    const fixed = readFileSync(join(folder, name.replace(/\.md$/, '.fixed.md')), 'utf8');
    const once = fixText(path, readFileSync(path), context);
    expect(once.changed).toBe(true);
    expect(once.output).toBe(fixed);
    // fix(fix(x)) = fix(x); nothing fixable is left, and the file reads as well as before.
    const twice = fixText(path, once.output, context);
    expect(twice.changed).toBe(false);
    expect(twice.messages.filter((message) => message.fix)).toEqual([]);
    const before = runRules(loadStatement(path, context)).messages.filter((message) =>
      ['markdown', 'front-matter', 'encoding'].includes(message.ruleId ?? ''),
    );
    expect(
      twice.messages.filter((message) => ['markdown', 'front-matter', 'encoding'].includes(message.ruleId ?? '')),
    ).toEqual(before);
  });

  it.runIf(!fixable)('gives no fix (it is not fixable)', () => {
    for (const name of notOk)
      expect(
        runRules(loadStatement(join(folder, name), context)).messages.filter(
          (message) => message.ruleId === ruleId && message.fix,
        ),
      ).toEqual([]);
  });
});
