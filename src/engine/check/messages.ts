/** Messages as plain data, to cross a worker boundary or sit in the cache, and back. */
import type { VFileMessage } from 'vfile-message';
import type { Edit, Suggestion } from '../../model/edit.js';
import { makeMessage, type AllianceMessage } from './run-rules.js';

/** A message as plain, structured-clonable data. */
export interface StoredMessage {
  reason: string;
  ruleId: string;
  severity: 'error' | 'warning';
  start: { line: number; column: number };
  end?: { line: number; column: number };
  fix?: Edit;
  suggestions?: Suggestion[];
}

/** Turns a vfile message into plain data. */
export function storeMessage(
  message: VFileMessage & Partial<Pick<AllianceMessage, 'fix' | 'suggestions'>>,
): StoredMessage {
  const end =
    message.place && 'end' in message.place
      ? { line: message.place.end.line, column: message.place.end.column }
      : undefined;
  return {
    reason: message.reason,
    ruleId: message.ruleId ?? 'unknown',
    severity: message.fatal ? 'error' : 'warning',
    start: { line: message.line ?? 1, column: message.column ?? 1 },
    ...(end ? { end } : {}),
    ...(message.fix ? { fix: message.fix } : {}),
    ...(message.suggestions ? { suggestions: message.suggestions } : {}),
  };
}

/** Turns plain data back into a vfile message on `path`. */
export function restoreMessage(stored: StoredMessage, path: string): AllianceMessage {
  return makeMessage(
    stored.reason,
    stored.ruleId,
    stored.severity,
    stored.end ? { start: stored.start, end: stored.end } : stored.start,
    path,
    { fix: stored.fix, suggestions: stored.suggestions },
  );
}
