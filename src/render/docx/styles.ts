/**
 * The styles part of a handout's DOCX: default run and paragraph (the body size and spacing of the copy,
 * the document's languages and direction), headings, and the handout's own paragraph styles.
 */
import { AlignmentType } from './library.js';
import type { Handout } from '../model/handout.js';
import { slotFamily, wordLanguages } from '../fonts/scripts.js';
import { LINE_HEIGHT } from '../model/template.js';
import { AT_LEAST, AUTO, family, halfPoints, hex, twips } from './units.js';

/** What a handout's copy decides about its text: the speaker's copy is larger and more widely spaced. */
export function copyLook(handout: Handout): {
  speaker: boolean;
  bodySize: number;
  lineSpacing: number;
  rtl: boolean;
  languages: ReturnType<typeof wordLanguages>;
} {
  const { template } = handout;
  const speaker = handout.copy === 'speaker';
  return {
    speaker,
    bodySize: speaker ? template.speakerCopy.size : template.sizes.body,
    lineSpacing: speaker ? template.speakerCopy.lineSpacing : template.lineSpacing,
    rtl: handout.direction === 'rtl',
    languages: wordLanguages(handout.documentLanguage, handout.script),
  };
}

/** A font for every script slot: the template's for Latin and Cyrillic, the Arabic and Chinese families for theirs. */
function fontSlots(latin: string) {
  return { ascii: latin, hAnsi: latin, cs: slotFamily('complexScript'), eastAsia: slotFamily('eastAsia') };
}

/** The styles of the document: what the template, the copy and the language decide. */
export function documentStyles(handout: Handout) {
  const { template } = handout;
  const { speaker, bodySize, lineSpacing, rtl, languages } = copyLook(handout);
  const headingStyle = (size: number) => ({
    run: {
      font: fontSlots(family(template.fonts.headings)),
      size: halfPoints(speaker ? Math.max(size, bodySize) : size),
      bold: true,
      color: hex(template.colours.accent),
    },
    paragraph: {
      spacing: { before: twips(template.paragraphSpacing * 1.6), after: twips(template.paragraphSpacing * 0.6) },
      keepNext: true,
      keepLines: true,
    },
  });

  const body = family(template.fonts.body);
  const headings = template.sizes.headings;
  return {
    default: {
      document: {
        run: {
          font: fontSlots(body),
          size: halfPoints(bodySize),
          sizeComplexScript: halfPoints(bodySize),
          color: hex(template.colours.text),
          language: languages,
        },
        paragraph: {
          spacing: {
            after: twips(template.paragraphSpacing),
            line: twips(bodySize * lineSpacing * LINE_HEIGHT),
            lineRule: AT_LEAST,
          },
          ...(rtl ? { bidirectional: true } : {}),
        },
      },
      heading1: headingStyle(headings[0] ?? 14),
      heading2: headingStyle(headings[1] ?? 12),
      heading3: headingStyle(headings[2] ?? 11),
      heading4: headingStyle(headings[3] ?? 11),
      heading5: headingStyle(headings[4] ?? 11),
      heading6: headingStyle(headings[5] ?? 11),
      hyperlink: { run: { color: hex(template.colours.link), underline: {} } },
      footnoteReference: { run: { superScript: true } },
      footnoteText: {
        run: { size: halfPoints(template.sizes.notes) },
        paragraph: { spacing: { after: 60, line: 240, lineRule: AUTO } },
      },
    },
    paragraphStyles: [
      {
        id: 'HandoutTitle',
        name: 'Handout Title',
        basedOn: 'Normal',
        next: 'Normal',
        run: {
          font: fontSlots(family(template.fonts.headings)),
          size: halfPoints(template.sizes.title),
          bold: true,
          color: hex(template.colours.accent),
        },
        paragraph: { spacing: { after: 80, line: 240, lineRule: AUTO }, keepNext: true },
      },
      {
        id: 'HandoutByline',
        name: 'Handout Byline',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: halfPoints(template.sizes.subtitle), color: hex(template.colours.text) },
        paragraph: { spacing: { after: 0, line: 260, lineRule: AUTO }, keepNext: true },
      },
      {
        id: 'HandoutHeader',
        name: 'Handout Header',
        basedOn: 'Normal',
        run: { size: halfPoints(template.sizes.header), color: hex(template.colours.muted) },
        paragraph: { spacing: { after: 0, line: 240, lineRule: AUTO } },
      },
      {
        id: 'HandoutFooter',
        name: 'Handout Footer',
        basedOn: 'Normal',
        run: { size: halfPoints(template.sizes.footer), color: hex(template.colours.muted) },
        paragraph: { spacing: { after: 0, line: 240, lineRule: AUTO }, alignment: AlignmentType.CENTER },
      },
      {
        id: 'HandoutCode',
        name: 'Handout Code',
        basedOn: 'Normal',
        run: { font: family(template.fonts.code), size: halfPoints(template.sizes.code) },
        paragraph: {
          spacing: {
            before: twips(template.paragraphSpacing),
            after: twips(template.paragraphSpacing),
            line: 240,
            lineRule: AUTO,
          },
        },
      },
      {
        id: 'HandoutQuote',
        name: 'Handout Quote',
        basedOn: 'Normal',
        run: { italics: true },
        paragraph: { indent: { left: twips(22) } },
      },
    ],
  };
}

/** The styles a handout's DOCX is written with. */
export type DocumentStyles = ReturnType<typeof documentStyles>;
