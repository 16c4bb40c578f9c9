/**
 * Scripts in a handout's text, from the one table of scripts (src/data/scripts.yaml): which script a
 * character is of, which text runs right to left, which font family draws a script whatever the
 * template, and the language slots Word tags a run with. The PDF, the DOCX and the build's font check
 * read it; no other module writes a range of code points.
 */
import { loadData } from '../../data/load.js';

/** A script of the table by its key (`arabic`, `han`), or `other` for the rest (Latin, Cyrillic, Greek). */
export type ScriptClass = string;

/** A script as the table gives it. */
interface ScriptEntry {
  name: string;
  ranges?: string[];
  scripts?: string[];
  direction: 'ltr' | 'rtl';
  family?: string;
  wordSlot?: 'complexScript' | 'eastAsia';
  language?: string;
}

/** A script of the table, its characters as one pattern. */
interface Script extends ScriptEntry {
  key: string;
  pattern: RegExp;
}

/** The class of text of no script in the table. */
export const OTHER = 'other';

let table: readonly Script[] | undefined;

/** The table, read once per process, each script's characters compiled into one pattern. */
function scripts(): readonly Script[] {
  table ??= Object.entries(loadData<Record<string, ScriptEntry>>('scripts.yaml')).map(([key, entry]) => {
    const parts = [
      ...(entry.ranges ?? []).map((range) => {
        const [start, end = start] = range.split('-').map((hex) => `\\u{${hex}}`);
        return `${start}-${end}`;
      }),
      ...(entry.scripts ?? []).map((name) => `\\p{Script=${name}}`),
    ];
    return { ...entry, key, pattern: new RegExp(`[${parts.join('')}]`, 'u') };
  });
  return table;
}

const cache = new Map<string, ScriptClass>();

/** The script class of one character: the first script of the table it belongs to, else `other`. */
export function scriptOf(character: string): ScriptClass {
  let known = cache.get(character);
  if (known === undefined) {
    known = scripts().find((script) => script.pattern.test(character))?.key ?? OTHER;
    if (cache.size < 65536) cache.set(character, known);
  }
  return known;
}

const STRONG = /[\p{L}]/u;

/** True when the character has a direction or script of its own (a letter), not a space, digit or sign. */
export function isStrong(character: string): boolean {
  return STRONG.test(character) || scriptOf(character) !== OTHER;
}

/** Whether `text` holds a character of the script `key`. */
export function hasScript(text: string, key: string): boolean {
  return (
    scripts()
      .find((script) => script.key === key)
      ?.pattern.test(text) === true
  );
}

let rightToLeft: RegExp | undefined;

/** Whether `text` holds a character of a right-to-left script. */
export function hasRightToLeft(text: string): boolean {
  rightToLeft ??= new RegExp(
    scripts()
      .filter((script) => script.direction === 'rtl')
      .map((script) => script.pattern.source)
      .join('|'),
    'u',
  );
  return rightToLeft.test(text);
}

/** Whether a script class runs right to left. */
export function isRightToLeft(script: ScriptClass): boolean {
  return scripts().find((entry) => entry.key === script)?.direction === 'rtl';
}

/** The family that draws a script whatever the template's fonts, if the table names one. */
export function scriptFamily(script: ScriptClass): string | undefined {
  return scripts().find((entry) => entry.key === script)?.family;
}

/** The scripts with a family of their own, with that family and their name (`arabic` → IBM Plex Sans Arabic, Arabic). */
export function scriptFamilies(): { script: string; family: string; name: string }[] {
  return scripts().flatMap((entry) =>
    entry.family ? [{ script: entry.key, family: entry.family, name: entry.name }] : [],
  );
}

/** The family Word sets a slot's runs in: the first script of the table with a family in that slot. */
export function slotFamily(slot: 'complexScript' | 'eastAsia'): string {
  const family = scripts().find((entry) => entry.wordSlot === slot && entry.family)?.family;
  if (family === undefined) throw new Error(`Expected a script with a family in Word's ${slot} slot, found none`);
  return family;
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
  if (runs.length === 0) return text === '' ? [] : [{ text, script: OTHER }];
  return runs;
}

/**
 * The language a stretch of text is read in when it is all of one script that is not the handout's
 * (`scriptOfHandout`) and the table gives that script a language: `ar` for Arabic in an English
 * handout. Undefined for text of the handout's script, of mixed scripts, or of a script with none.
 */
export function stretchLanguage(text: string, scriptOfHandout: string): string | undefined {
  let found: ScriptClass | undefined;
  for (const character of text) {
    if (!isStrong(character)) continue;
    const script = scriptOf(character);
    if (found !== undefined && script !== found) return undefined;
    found = script;
  }
  if (found === undefined || found === scriptOfHandout) return undefined;
  return scripts().find((entry) => entry.key === found)?.language;
}

/**
 * The languages a Word run is tagged with, by the language's script (from its record): its locale in
 * the slot the table gives that script (the Latin slot for Latin, Cyrillic and Greek), a default in
 * the other two.
 */
export function wordLanguages(
  locale: string,
  script: string,
): { value: string; eastAsia: string; bidirectional: string } {
  const slot = scripts().find((entry) => entry.key === script)?.wordSlot;
  return {
    value: slot === undefined ? locale : 'en-GB',
    eastAsia: slot === 'eastAsia' ? locale : 'zh-CN',
    bidirectional: slot === 'complexScript' ? locale : 'ar-SA',
  };
}
