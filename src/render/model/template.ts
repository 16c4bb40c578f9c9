/** The look of a handout, as read from templates/<name>.yaml: every length in points. */
import type { LanguageLabels, LanguageRecord } from '../../model/language.js';
import { own } from '../../model/own.js';

/** A font: a family shipped with alliance, or TrueType files of the template (absolute paths, resolved). */
export type FontChoice =
  | { family: string }
  | { family: string; files: { regular: string; bold?: string; italic?: string; boldItalic?: string } };

/** Labels a handout prints, in one language. */
export type Labels = LanguageLabels;

/** A resolved template. */
export interface Template {
  /** The template's name and where it was read from. */
  name: string;
  path: string;
  paper: 'A4' | 'Letter';
  margins: { top: number; bottom: number; left: number; right: number };
  fonts: { body: FontChoice; headings: FontChoice; code: FontChoice };
  sizes: {
    body: number;
    title: number;
    subtitle: number;
    headings: number[];
    header: number;
    footer: number;
    code: number;
    notes: number;
  };
  lineSpacing: number;
  paragraphSpacing: number;
  colours: {
    text: string;
    accent: string;
    muted: string;
    link: string;
    rule: string;
    quoteBar: string;
    codeBackground: string;
    tableBorder: string;
    tableHeader: string;
  };
  header: { lines: string[] };
  /** The template's own words, by language, over those of the language's record. */
  labels: Record<string, Partial<Labels>>;
  speakerCopy: { size: number; lineSpacing: number; timeColour: string; slotColour: string };
}

/**
 * A line's height over its largest type size, before the template's line spacing: the PDF's, and the
 * least a DOCX body line takes (Word's single line for Noto Sans is 1.36 of the size, so a multiple of
 * it ran a speaker's copy a page longer in LibreOffice than the PDF).
 */
export const LINE_HEIGHT = 1.2;

/** Paper sizes in points (width, height). */
export const PAPER: Record<Template['paper'], [number, number]> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
};

/** The labels of a language: the template's own for it over the language's record. */
export function labelsFor(template: Template, language: LanguageRecord): Labels {
  return { ...language.labels, ...own(template.labels, language.tag) };
}

/** Fills `{field}` placeholders; null when every field the text names is missing. */
export function fill(text: string, fields: Readonly<Record<string, string | undefined>>): string | null {
  let named = 0;
  let found = 0;
  const filled = text.replace(/\{(\w+)\}/g, (_, name: string) => {
    named += 1;
    const value = own(fields, name);
    if (value === undefined || value === '') return '';
    found += 1;
    return value;
  });
  if (named > 0 && found === 0) return null;
  return filled.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').replace(/\s+,/g, ',');
}

/** The footer's page label for one page ("Page 2 of 3"). */
export function pageLabel(text: string, page: number, pages: number): string {
  return fill(text, { page: String(page), pages: String(pages) }) ?? `${page} / ${pages}`;
}
