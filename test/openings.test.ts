/**
 * Openings and closings as speakers really write them, in the six languages
 * (test/fixtures/openings/<tag>.yaml): the rules accept each accepted one and refuse each refused one,
 * a greeting to the room alone with a message that says whom to address. Adding a case is adding a line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runRules } from '../src/engine/check/run-rules.js';
import { statementOf } from './helpers/statements.js';

const FOLDER = join(import.meta.dirname, 'fixtures/openings');

interface Cases {
  accept: string[];
  refuse: (string | { text: string; room?: boolean })[];
  closings: { accept: string[]; refuse: string[] };
}

/** A statement at the CCPCJ in `language` opening with `opening` and closing with `closing`. */
function statement(language: string, opening: string, closing = ''): string {
  const close =
    closing || { en: 'Thank you.', fr: 'Merci.', es: 'Gracias.', ru: 'Спасибо.', ar: 'شكراً.', zh: '谢谢。' }[language]!;
  return `---\nforum: CCPCJ\nsession: "34"\nspeaker: A\norganization: Alliance\nlanguage: ${language}\n---\n\n${opening}\n\nAlliance.\n\n${close}\n`;
}

/** The reasons of the messages of `rule` on a statement's text. */
function rulesOf(text: string, rule: string): string[] {
  return runRules(statementOf(text))
    .messages.filter((message) => message.ruleId === rule)
    .map((message) => message.reason);
}

for (const file of readdirSync(FOLDER).filter((name) => name.endsWith('.yaml'))) {
  const language = file.replace('.yaml', '');
  const cases = parse(readFileSync(join(FOLDER, file), 'utf8')) as Cases;
  describe(`openings and closings in ${language}`, () => {
    it.each(cases.accept)('accepts the opening %s', (opening) => {
      expect(rulesOf(statement(language, opening), 'opening-address')).toEqual([]);
    });
    it.each(cases.refuse.map((entry) => (typeof entry === 'string' ? { text: entry } : entry)))(
      'refuses the opening $text',
      ({ text, room }) => {
        const [message] = rulesOf(statement(language, text), 'opening-address');
        expect(message).toBeDefined();
        expect(message).toContain('Expected the opening to address the presiding officer');
        if (room) expect(message).toContain('found only a greeting to the room');
        else expect(message).not.toContain('greeting to the room');
      },
    );
    it.each(cases.closings.accept)('accepts the closing %s', (closing) => {
      expect(rulesOf(statement(language, cases.accept[0]!, closing), 'closing')).toEqual([]);
    });
    it.each(cases.closings.refuse)('refuses the closing %s', (closing) => {
      expect(rulesOf(statement(language, cases.accept[0]!, closing), 'closing')).toHaveLength(1);
    });
  });
}
