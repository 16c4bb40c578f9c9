/** `alliance list --format json`: the statements, and the totals of each session. */
import { safeJson } from './text.js';
import type { FormatterInput } from './view.js';

/** Formats the inventory as JSON. */
export function listJson({ result }: FormatterInput['list']): string {
  const statements = result.statements.map(({ internalErrors: _, fit: __, ...outcome }) => ({
    ...outcome,
    passes: outcome.errors === 0,
  }));
  return safeJson({ statements, sessions: result.totals });
}
