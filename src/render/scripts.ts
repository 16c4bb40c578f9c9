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

/** Languages whose text runs right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);

/** True when a language is written right to left. */
export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(language.toLowerCase().split('-')[0]!);
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

/** The languages a Word run is tagged with: for Latin and Cyrillic text, East Asian text, and complex scripts. */
export function wordLanguages(locale: string): { value: string; eastAsia: string; bidirectional: string } {
  const language = locale.toLowerCase().split('-')[0]!;
  return {
    value: language === 'ar' || language === 'zh' || language === 'ja' || language === 'ko' ? 'en-GB' : locale,
    eastAsia: language === 'zh' || language === 'ja' || language === 'ko' ? locale : 'zh-CN',
    bidirectional: isRightToLeft(language) ? locale : 'ar-SA',
  };
}
