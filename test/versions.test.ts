/**
 * Language versions kept in step (rule `version-in-step`), as property tests with a fixed seed:
 * versions made by writing every figure of an English source in the target language's own way
 * (grouping, decimal sign, percent, millions; Arabic-Indic digits; 万) are always in step, and changing
 * any one figure is always reported. And the example statements' French and Spanish versions, made by
 * hand, are in step.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import './helpers/seed.js';
import { runRules } from '../src/engine/check/run-rules.js';
import { parseStatement } from '../src/engine/load/load.js';
import { createContext } from '../src/engine/project/context.js';
import { defaultConfig } from '../src/engine/project/config.js';
import { sourceHash } from '../src/rules/version-in-step.js';
import { runCli } from './helpers/cli.js';
import { tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');

/** A figure of the source: an integer, a decimal, a percentage or an amount in millions. */
type Figure =
  | { kind: 'integer'; value: number }
  | { kind: 'decimal' | 'percent'; value: number }
  | { kind: 'millions'; value: number };

const figure: fc.Arbitrary<Figure> = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }).map((value) => ({ kind: 'integer' as const, value })),
  fc.integer({ min: 1, max: 9999 }).map((tenths) => ({ kind: 'decimal' as const, value: tenths / 10 })),
  fc.integer({ min: 1, max: 999 }).map((tenths) => ({ kind: 'percent' as const, value: tenths / 10 })),
  fc.integer({ min: 1, max: 99 }).map((value) => ({ kind: 'millions' as const, value })),
);

/** Digits grouped by threes with `separator`. */
function grouped(value: number, separator: string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

const ARABIC_DIGITS = (text: string) => text.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

/**
 * A language's way of writing figures: its group and decimal signs, what follows a percentage, its word
 * for millions, and its digits.
 */
function writer(group: string, decimal: string, percent: string, million: string, digits = (text: string) => text) {
  return (f: Figure): string =>
    digits(
      f.kind === 'integer'
        ? grouped(f.value, group)
        : f.kind === 'millions'
          ? `${f.value} ${million}`
          : `${String(f.value).replace('.', decimal)}${f.kind === 'percent' ? percent : ''}`,
    );
}

/** How each language writes a figure. */
const WRITE: Record<string, (figure: Figure) => string> = {
  en: writer(',', '.', '%', 'million'),
  fr: writer('\u202f', ',', '\u202f%', 'millions'),
  es: writer('.', ',', ' %', 'millones'),
  ru: writer('\u00a0', ',', ' процента', 'млн'),
  ar: writer('\u066c', '\u066b', '\u066a', 'مليون', ARABIC_DIGITS),
  zh: (f) =>
    f.kind === 'integer'
      ? grouped(f.value, ',')
      : f.kind === 'millions'
        ? `${f.value * 100}万`
        : f.kind === 'percent'
          ? `百分之${f.value}`
          : String(f.value),
};
const WORD: Record<string, string> = {
  en: 'people',
  fr: 'personnes',
  es: 'personas',
  ru: 'человек',
  ar: 'شخص',
  zh: '人',
};

const context = createContext(defaultConfig(tempProject()));
const FRONT = (language: string, hash = '') =>
  `---\nforum: CCPCJ\nsession: 34\nspeaker: Ana\norganization: Alliance\nlanguage: ${language}\n${hash}---\n\n`;

/** The findings of version-in-step on a version of `source` in `language`, both files made in a project. */
function findings(source: string, version: (hash: string) => string): string[] {
  const project = tempProject({ 'statements/s.md': source });
  const sourceStatement = parseStatement(join(project, 'statements/s.md'), source, context);
  const text = version(`source_hash: ${sourceHash(sourceStatement)}\n`);
  const statement = parseStatement(
    join(project, 'statements/s.xx.md').replace('.xx.', '.v.'),
    text.replace('---\n\n', 'version_of: s.md\n---\n\n'),
    createContext(defaultConfig(project)),
  );
  return runRules(statement)
    .messages.filter((message) => message.ruleId === 'version-in-step')
    .map((message) => message.reason);
}

/** A paragraph of figures, in `language`. */
function paragraphOf(figures: readonly Figure[], language: string): string {
  return (
    figures.map((f) => `${WRITE[language]!(f)} ${WORD[language]}`).join(language === 'zh' ? '，' : ', ') +
    (language === 'zh' ? '。' : '.')
  );
}

describe('version-in-step on generated versions', () => {
  const languages = fc.constantFrom('fr', 'es', 'ru', 'ar', 'zh');
  const paragraphs = fc.array(fc.array(figure, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 });

  it('finds a version with every figure written in its language’s way in step', () => {
    fc.assert(
      fc.property(paragraphs, languages, (body, language) => {
        const source = FRONT('en') + body.map((figures) => paragraphOf(figures, 'en')).join('\n\n') + '\n';
        const reasons = findings(
          source,
          (hash) => FRONT(language, hash) + body.map((figures) => paragraphOf(figures, language)).join('\n\n') + '\n',
        );
        expect(reasons).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reports any one figure changed', () => {
    fc.assert(
      fc.property(paragraphs, languages, fc.nat(), (body, language, pick) => {
        const source = FRONT('en') + body.map((figures) => paragraphOf(figures, 'en')).join('\n\n') + '\n';
        const all = body.flatMap((figures, p) => figures.map((_, f) => [p, f] as const));
        const [p, f] = all[pick % all.length]!;
        const changed = body.map((figures, i) =>
          figures.map((one, j) =>
            i === p && j === f ? { ...one, value: one.kind === 'integer' ? one.value + 1 : one.value + 1 } : one,
          ),
        );
        const reasons = findings(
          source,
          (hash) =>
            FRONT(language, hash) + changed.map((figures) => paragraphOf(figures, language)).join('\n\n') + '\n',
        );
        expect(reasons.some((reason) => /figure/.test(reason))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the example statements’ language versions', () => {
  it('are in step: French and Spanish, made by hand', async () => {
    const run = await runCli(['check', 'statements', '--format', 'json'], { cwd: ROOT });
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const versions = results.filter((result) => /\.(fr|es)\.md$/.test(result.filePath));
    expect(versions).toHaveLength(4);
    for (const version of versions) expect(version.messages, version.filePath).toEqual([]);
  });
});

describe('alliance new --version-of', () => {
  it('writes the French version beside its source, in step, and never over a file', async () => {
    const project = tempProject({
      'statements/cop/dialogue.md': readFileSync(
        join(ROOT, 'statements/untoc-cop-2024/constructive-dialogue.md'),
        'utf8',
      ),
    });
    const made = await runCli(['new', '--version-of', 'statements/cop/dialogue.md', '--language', 'fr'], {
      cwd: project,
    });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout.trim()).toBe(join('statements', 'cop', 'dialogue.fr.md'));
    const text = readFileSync(join(project, 'statements/cop/dialogue.fr.md'), 'utf8');
    expect(text).toMatch(
      /^---\ntitle: .*\nforum: UNTOC COP\n[\s\S]*language: fr\nsource_hash: [0-9a-f]{8}(\.[0-9a-f]{8})+\n---\n/,
    );
    // The opening and closing in French, the source's paragraphs between them, to translate.
    expect(text).toContain('\n\nMonsieur le Président,\n\nThe Alliance of NGOs on Crime Prevention');
    expect(text.trimEnd().endsWith('Je vous remercie.')).toBe(true);
    const run = await runCli(['check', 'statements/cop/dialogue.fr.md', '--format', 'json'], { cwd: project });
    const messages = (JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages;
    expect(messages.filter((message) => message.ruleId === 'version-in-step')).toEqual([]);
    const again = await runCli(['new', '--version-of', 'statements/cop/dialogue.md', '--language', 'fr'], {
      cwd: project,
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Expected no file at `statements/cop/dialogue.fr.md`, found one');
  });
});
