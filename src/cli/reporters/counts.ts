/** Counting errors and warnings, and naming the counts in words ("2 errors, 1 warning"). */
import type { VFileMessage } from 'vfile-message';

/** Errors and warnings among messages. */
export interface Counts {
  errors: number;
  warnings: number;
}

/** Counts the errors (`fatal`) and warnings of messages. */
export function countMessages(messages: readonly VFileMessage[]): Counts {
  let errors = 0;
  for (const message of messages) if (message.fatal) errors += 1;
  return { errors, warnings: messages.length - errors };
}

/** "1 error", "3 warnings", "no problems". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** "2 errors, 1 warning". */
export function describeCounts(counts: Counts): string {
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}
