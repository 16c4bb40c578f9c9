/**
 * One statement as the preview shows it: its text, the messages of `check`, its timing paragraph by
 * paragraph (what a rehearsal measures against) and its handout as HTML, from the saved file or from
 * text being edited. Everything the page shows comes from here, so that it agrees with `check`,
 * `time` and `build`.
 */
import { untimable } from '../../model/statement.js';
import { timeStatement } from '../../timing/estimate.js';
import type { Fit } from '../../timing/fit.js';
import { handoutTemplate } from '../build/build.js';
import { resolveImages } from '../build/images.js';
import { contentHash } from '../check/cache.js';
import { storeMessage, type StoredMessage } from '../check/messages.js';
import { runRules } from '../check/run-rules.js';
import { parseStatement } from '../load/load.js';
import { readStatementFile } from '../load/read-statement.js';
import type { LoadContext } from '../project/context.js';

/** One spoken paragraph, for the margin times and the rehearsal. */
export interface InspectedParagraph {
  line: number;
  /** What is said, as timed. */
  text: string;
  /** The time it should start at, and its length, in seconds. */
  startSeconds: number;
  seconds: number;
  /** Its pauses, within `seconds`: what a measured pace leaves out. */
  pauseSeconds: number;
  /** What the pace counts in it (words, or characters). */
  units: number;
}

/** A statement as the preview shows it. */
export interface InspectOutcome {
  path: string;
  /** The text (null when the file cannot be read as text), and the hash of its bytes. */
  text: string | null;
  hash: string | null;
  speaker: string | null;
  title: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  pace: number;
  paceSource: string;
  /** Where the pace came from, in words. */
  paceOrigin: string;
  unit: 'words' | 'characters';
  writtenWords: number;
  seconds: number | null;
  slotSeconds: number | null;
  fit: Fit | null;
  paragraphs: InspectedParagraph[];
  messages: StoredMessage[];
  /** The handout with start times and the end of the slot, as HTML; null when it cannot be made. */
  html: string | null;
  /** The template's look, as CSS custom properties for the HTML. */
  look: Record<string, string> | null;
  internalErrors: number;
}

/** Inspects a statement: the file's bytes, or the text being edited in its place. */
export async function inspectOne(
  path: string,
  context: LoadContext,
  text?: string,
  html = true,
): Promise<InspectOutcome> {
  const input = text === undefined ? readStatementFile(path, context.config.dir) : new TextEncoder().encode(text);
  const statement = parseStatement(path, input, context);
  const run = runRules(statement);
  const { settings } = statement;
  const { fields } = statement.frontMatter;
  const outcome: InspectOutcome = {
    path,
    text: input instanceof Uint8Array ? new TextDecoder().decode(input) : null,
    hash: input instanceof Uint8Array ? contentHash(input) : null,
    speaker: fields.speaker ?? null,
    title: fields.title ?? null,
    language: settings.locale,
    direction: settings.languageRecord.direction,
    pace: settings.pace,
    paceSource: settings.paceSource,
    paceOrigin: settings.paceOrigin,
    unit: settings.languageRecord.unit,
    writtenWords: 0,
    seconds: null,
    slotSeconds: settings.slotSeconds,
    fit: null,
    paragraphs: [],
    messages: run.messages.map(storeMessage),
    html: null,
    look: null,
    internalErrors: run.internalErrors,
  };
  if (untimable(statement)) return outcome;
  const timing = timeStatement(statement);
  Object.assign(outcome, {
    writtenWords: timing.writtenWords,
    seconds: timing.seconds,
    fit: timing.fit,
    paragraphs: timing.paragraphs.map((paragraph) => ({
      line: paragraph.line,
      text: paragraph.paragraph.text,
      startSeconds: paragraph.cumulativeSeconds - paragraph.seconds,
      seconds: paragraph.seconds,
      pauseSeconds: paragraph.pauseSeconds,
      units: paragraph.units,
    })),
  });
  if (!html) return outcome;
  const resolved = handoutTemplate(statement, context);
  if ('message' in resolved) {
    outcome.messages.push(resolved.message);
    return outcome;
  }
  const { template } = resolved;
  const images = resolveImages(statement, context.config.dir);
  const [{ buildHandout }, { handoutLook, renderHtml }] = await Promise.all([
    import('../../render/model/handout.js'),
    import('../../render/html/index.js'),
  ]);
  const date = fields.date ? new Date(`${fields.date}T00:00:00Z`) : new Date(0);
  // The speaker's copy carries the start times and the end of the slot; the page draws it in the handout's look.
  const handout = buildHandout({ statement, template, timing, copy: 'speaker', images: images.images, date });
  outcome.html = renderHtml(handout);
  outcome.look = handoutLook(handout);
  return outcome;
}
