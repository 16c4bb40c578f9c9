/**
 * Scripts in a handout's text: which characters are Arabic (right to left), which are Chinese or
 * Japanese (East Asian fonts, broken between characters), and the languages Word should tag each with.
 */

/** A script class that decides font and direction. */
export type ScriptClass = 'arabic' | 'cjk' | 'other';

const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u089f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const STRONG = /[\p{L}]/u;

/** The script class of one character. */
export function scriptOf(character: string): ScriptClass {
  if (ARABIC.test(character)) return 'arabic';
  if (CJK.test(character)) return 'cjk';
  return 'other';
}

/** True when the character has a direction or script of its own (a letter), not a space, digit or sign. */
export function isStrong(character: string): boolean {
  return STRONG.test(character) || ARABIC.test(character) || CJK.test(character);
}

/**
 * Splits text into runs of one script class; spaces, digits and signs go with the letters before them
 * (or, at the start, after them), so "مكتب (UNODC) عن" gives Arabic, other, Arabic.
 */
export function scriptRuns(text: string): { text: string; script: ScriptClass }[] {
  const runs: { text: string; script: ScriptClass }[] = [];
  let pending = '';
  for (const character of text) {
    if (!isStrong(character)) {
      if (runs.length === 0) pending += character;
      else runs[runs.length - 1]!.text += character;
      continue;
    }
    const script = scriptOf(character);
    const last = runs[runs.length - 1];
    if (last && last.script === script) last.text += character;
    else runs.push({ text: (runs.length === 0 ? pending : '') + character, script });
  }
  if (runs.length === 0) return text === '' ? [] : [{ text, script: 'other' }];
  return runs;
}

/** Scripts Word sets with its complex-script font and tags as bidirectional. */
const COMPLEX_SCRIPTS: ReadonlySet<string> = new Set(['arabic', 'hebrew']);

/**
 * The languages a Word run is tagged with, by the language's script (from its record): its locale
 * where that script is set (Latin, Cyrillic and Greek text; East Asian text; complex scripts), a
 * default for the other two.
 */
export function wordLanguages(
  locale: string,
  script: string,
): { value: string; eastAsia: string; bidirectional: string } {
  const eastAsian = script === 'han';
  const complex = COMPLEX_SCRIPTS.has(script);
  return {
    value: eastAsian || complex ? 'en-GB' : locale,
    eastAsia: eastAsian ? locale : 'zh-CN',
    bidirectional: complex ? locale : 'ar-SA',
  };
}
