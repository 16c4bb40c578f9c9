/**
 * `check --fix`: a file's certain fixes applied in passes, as ESLint's fixer does. Each pass loads the
 * text, runs the rules, and applies the fixes of their messages from the end backwards, leaving an
 * overlapping one for the next pass; it stops when no fix is left, when a pass changes nothing, or
 * after 10 passes. Suggestions are never applied. The messages returned are those of the fixed text.
 */
import { applyEdits } from '../../model/edit.js';
import { decodeStatement } from '../load/decode.js';
import { parseStatement } from '../load/load.js';
import type { LoadContext } from '../project/context.js';
import { runRules, type AllianceMessage } from './run-rules.js';

/** The most passes over one file. */
export const MAX_FIX_PASSES = 10;

/** What fixing a file's text gave: the text (as it was when nothing changed), its messages, how many fixes. */
export interface FixOutcome {
  /** The text the fixes were made from (BOM removed), and the fixed text (BOM kept). */
  source: string;
  output: string;
  changed: boolean;
  fixed: number;
  messages: AllianceMessage[];
  internalErrors: number;
}

/** Fixes `input` (the file's bytes, or its text), the statement at `path`; a file that is not UTF-8 text is left as it is. */
export function fixText(path: string, input: Uint8Array | string, context: LoadContext): FixOutcome {
  let text: string;
  let bom = '';
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeStatement(input);
    if (!decoded.ok) {
      const run = runRules(parseStatement(path, input, context));
      return {
        source: '',
        output: '',
        changed: false,
        fixed: 0,
        messages: run.messages,
        internalErrors: run.internalErrors,
      };
    }
    text = decoded.text;
    if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) bom = '\uFEFF';
  }
  if (text.startsWith('\uFEFF')) {
    bom = '\uFEFF';
    text = text.slice(1);
  }
  const original = text;
  let fixed = 0;
  let run = runRules(parseStatement(path, text, context));
  for (let pass = 0; pass < MAX_FIX_PASSES; pass += 1) {
    const edits = run.messages.flatMap((message) => (message.fix ? [message.fix] : []));
    if (edits.length === 0) break;
    const next = applyEdits(text, edits);
    if (next.applied === 0 || next.text === text) break;
    fixed += next.applied;
    text = next.text;
    run = runRules(parseStatement(path, text, context));
  }
  return {
    source: original,
    output: bom + text,
    changed: text !== original,
    fixed,
    messages: run.messages,
    internalErrors: run.internalErrors,
  };
}
