/**
 * What no other linter shows an author: when each paragraph starts in the slot, and where the slot
 * ends, as inlay hints (`0:42`) and code lenses (`0:42 · 48 words`, for clients without inlay hints),
 * and, on hover, a paragraph's length, pace and where the pace came from; on a front matter field, its
 * documentation.
 */
import {
  InlayHintKind,
  MarkupKind,
  type CodeLens,
  type Hover,
  type InlayHint,
  type Position,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatClock, type StatementView, type Vocabulary } from '../engine/index.js';

type Paragraph = StatementView['paragraphs'][number];

/** The paragraph in which the slot ends, if the statement runs past it. */
function slotEnd(view: StatementView): Paragraph | undefined {
  const slot = view.slotSeconds;
  if (slot === null) return undefined;
  return view.paragraphs.find(
    (paragraph) => paragraph.startSeconds < slot && paragraph.startSeconds + paragraph.seconds >= slot,
  );
}

/** A paragraph's length as written: its words, or its characters where the pace counts characters. */
function units(view: StatementView, paragraph: Paragraph): string {
  const count =
    view.unit === 'characters'
      ? [...paragraph.text.replace(/\s/g, '')].length
      : paragraph.text.split(/\s+/).filter(Boolean).length;
  const unit = view.unit === 'characters' ? 'character' : 'word';
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Each paragraph's start time, and the end of the slot, as inlay hints at the paragraphs' starts. */
export function inlayHints(view: StatementView | null): InlayHint[] {
  if (!view) return [];
  const end = slotEnd(view);
  return view.paragraphs.flatMap((paragraph) => {
    const position: Position = { line: paragraph.line - 1, character: 0 };
    const hints: InlayHint[] = [
      {
        position,
        label: formatClock(paragraph.startSeconds),
        kind: InlayHintKind.Type,
        paddingRight: true,
        tooltip: `Starts at ${formatClock(paragraph.startSeconds)}, takes ${formatClock(paragraph.seconds)} (${units(view, paragraph)})`,
      },
    ];
    if (paragraph === end && view.slotSeconds !== null)
      hints.push({
        position,
        label: `${formatClock(view.slotSeconds)} end of slot`,
        kind: InlayHintKind.Type,
        paddingRight: true,
      });
    return hints;
  });
}

/** The same as code lenses above each paragraph, and the statement's total above the first. */
export function codeLenses(view: StatementView | null): CodeLens[] {
  if (!view || view.paragraphs.length === 0) return [];
  const end = slotEnd(view);
  const lenses: CodeLens[] = view.paragraphs.map((paragraph) => {
    const range = {
      start: { line: paragraph.line - 1, character: 0 },
      end: { line: paragraph.line - 1, character: 0 },
    };
    const slot =
      paragraph === end && view.slotSeconds !== null ? ` · ${formatClock(view.slotSeconds)} end of slot` : '';
    return {
      range,
      command: { title: `${formatClock(paragraph.startSeconds)} · ${units(view, paragraph)}${slot}`, command: '' },
    };
  });
  if (view.seconds !== null) {
    const slot = view.slotSeconds === null ? '' : ` of a ${formatClock(view.slotSeconds)} slot`;
    const first = lenses[0]!.range;
    lenses.unshift({
      range: first,
      command: { title: `${formatClock(view.seconds)}${slot} at ${view.pace} ${view.unit} a minute`, command: '' },
    });
  }
  return lenses;
}

/** The hover at a position: a paragraph's timing, or a front matter field's documentation. */
export function hoverAt(
  document: TextDocument,
  position: Position,
  view: StatementView | null,
  vocabulary: Vocabulary | null,
): Hover | null {
  const text = document.getText();
  const front = /^---\r?\n[\s\S]*?\r?\n---/.exec(text);
  const frontLines = front ? front[0].split('\n').length : 0;
  if (position.line < frontLines && vocabulary) {
    const line = text.split('\n')[position.line] ?? '';
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    const field = vocabulary.fields.find((entry) => entry.name === key);
    if (!field) return null;
    const values = field.values ? `\n\nValues: ${field.values.map((value) => `\`${value}\``).join(', ')}` : '';
    return { contents: { kind: MarkupKind.Markdown, value: `**${field.name}**: ${field.description}${values}` } };
  }
  if (!view) return null;
  // The paragraph the position is in: the last that starts at or before its line.
  const paragraph = [...view.paragraphs].reverse().find((entry) => entry.line - 1 <= position.line);
  if (!paragraph) return null;
  const index = view.paragraphs.indexOf(paragraph) + 1;
  const pauses = paragraph.pauseSeconds > 0 ? `, pauses ${formatClock(paragraph.pauseSeconds)}` : '';
  const value = [
    `**Paragraph ${index}** starts at ${formatClock(paragraph.startSeconds)} and takes ${formatClock(paragraph.seconds)}${pauses}.`,
    '',
    `${units(view, paragraph)} at ${view.pace} ${view.unit} a minute: ${view.paceOrigin}.`,
  ].join('\n');
  return { contents: { kind: MarkupKind.Markdown, value } };
}
