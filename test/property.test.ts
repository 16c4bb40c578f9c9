/**
 * Property tests: thousands of generated and mutated statements through the loader, the rules and
 * the CLI. No exception may escape, and every message must carry a rule id and a line.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/engine/check/run-rules.js';
import { rulesById } from '../src/rules/index.js';
import { collapseSpaces } from '../src/model/spaces.js';
import { runCli } from './helpers/cli.js';
import { GOOD, statementOf, tempProject } from './helpers/statements.js';
import './helpers/seed.js';

const FRAGMENTS = [
  'Thank you, Chair.',
  'Madam President,',
  'Thank you.',
  'Je vous remercie.',
  'Muchas gracias.',
  'TODO',
  '[insert name]',
  '[pause]',
  '[…]',
  '“quoted […] text”',
  '**bold**',
  '*em*',
  '_',
  '`code`',
  '[link](http://x.org)',
  '![img](a.png)',
  '[^1]',
  '[^1]: note',
  '<!-- alliance-disable closing -->',
  '<!-- alliance-set slot=1m pace=80 -->',
  '<!-- alliance-set x -->',
  '<b>',
  '</b>',
  '<!--',
  '-->',
  '# ',
  '> ',
  '- ',
  '1. ',
  '| a | b |',
  '|---|---|',
  '```',
  '~~~',
  '---',
  '***',
  '\\',
  '&amp;',
  '&#0;',
  '\t',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u00a0',
  '\u200b',
  '\u202e',
  'مرحبا',
  '中文',
  'Ж',
  '😀',
  '\uFEFF',
  '1,250,000',
  '3:00',
  '2024-10-14',
  'UNODC',
  'Mr.',
  'e.g.',
  '...',
  '?',
  '!',
  '"',
  "'",
  'a'.repeat(300),
];

const FRONT_MATTERS = [
  '---\nforum: CCPCJ\nsession: "34"\nspeaker: A\n---\n',
  '---\nforum: COP\nsession: 12\nspeaker: [a]\nslot: 0\npace: -1\ndate: 2023-02-30\nlanguage: xx-YY\n---\n',
  '---\nkind: written\nforum: AHC\n---\n',
  '---\n---\n',
  '---js\nmodule.exports = {}\n---\n',
  '---\n: : :\n---\n',
  '---\na: &a [1]\nb: *a\nc: !!binary aGVsbG8=\n---\n',
  '---\n',
  '',
  '---yaml\nforum: HRC\n---\r\n',
  '---\n{ forum: CND, session: 1, speaker: x, organizations: [] }\n---\n',
];

const generated = fc
  .tuple(
    fc.constantFrom(...FRONT_MATTERS),
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 }),
  )
  .map(([front, parts]) => front + parts.join(' '));

const mutated = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('replace', 'insert', 'delete')), {
      minLength: 1,
      maxLength: 8,
    }),
  )
  .map(([edits]) => {
    const bytes = [...Buffer.from(GOOD)];
    for (const [position, byte, edit] of edits) {
      const index = position % (bytes.length + 1);
      if (edit === 'replace' && index < bytes.length) bytes[index] = byte;
      else if (edit === 'insert') bytes.splice(index, 0, byte);
      else bytes.splice(index, 1);
    }
    return Buffer.from(bytes);
  });

function assertSound(input: string | Uint8Array): void {
  const { messages, internalErrors } = runRules(statementOf(input));
  expect(internalErrors).toBe(0);
  for (const message of messages) {
    expect(rulesById.has(message.ruleId ?? '')).toBe(true);
    expect(message.line).toBeGreaterThanOrEqual(1);
    expect(message.column).toBeGreaterThanOrEqual(1);
    expect(message.reason.length).toBeGreaterThan(0);
  }
}

describe('generated and mutated statements', () => {
  it('load and check without an exception, every message with a rule id and a line', () => {
    fc.assert(
      fc.property(generated, (text) => assertSound(text)),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(mutated, (bytes) => assertSound(bytes)),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('go through `alliance check` as files, every file reported', async () => {
    const project = tempProject();
    mkdirSync(join(project, 'statements'));
    const samples = [...fc.sample(generated, 150), ...fc.sample(mutated, 150)];
    samples.forEach((sample, index) =>
      writeFileSync(join(project, 'statements', `s${String(index).padStart(3, '0')}.md`), sample),
    );
    const run = await runCli(['check', '--format', 'json'], { cwd: project });
    expect([0, 1]).toContain(run.code);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(results).toHaveLength(samples.length);
    for (const message of results.flatMap((result) => result.messages)) {
      expect(rulesById.has(message.ruleId)).toBe(true);
      expect(message.line).toBeGreaterThanOrEqual(1);
    }
  }, 60_000);
});

describe('white space made single', () => {
  it('is what replacing every run of white space by one space gives, trimmed', () => {
    const space = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\u2028', '\ufeff');
    const text = fc.array(fc.oneof(space, fc.constantFrom('a', 'بِ', '中', '', 'word')), { maxLength: 24 });
    fc.assert(
      fc.property(text, (pieces) => {
        const joined = pieces.join('');
        expect(collapseSpaces(joined)).toBe(joined.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 5000 },
    );
  });
});
