/**
 * The outcome of a file whose worker died on it (out of memory, or killed): a finding on that file
 * alone, so that the other files are still reported and a build still writes its manifest.
 */
import type { StoredMessage } from '../check/messages.js';
import type { TaskName, TaskOutcome, TimeOutcome } from './tasks.js';

/** The timing of a file that could not be timed: its messages, and nothing measured. */
export function untimedOutcome(path: string, messages: StoredMessage[], internalErrors: number): TimeOutcome {
  return {
    path,
    language: 'en',
    writtenWords: 0,
    spokenWords: 0,
    seconds: null,
    slotSeconds: null,
    pace: 0,
    paceOrigin: 'none: the file could not be timed',
    unit: 'words',
    paragraphs: [],
    fit: null,
    messages,
    internalErrors,
  };
}

/** The outcome of `task` on `path` when the worker running it stopped, `why` saying how. */
export function stoppedOutcome<T extends TaskName>(task: T, path: string, why: string): TaskOutcome<T> {
  const message: StoredMessage = {
    reason: `Expected the statement to be processed within the memory a statement may use, found the work stopped (${why})`,
    ruleId: 'markdown',
    severity: 'error',
    start: { line: 1, column: 1 },
  };
  const messages = [message];
  const outcomes: { [K in TaskName]: TaskOutcome<K> } = {
    check: { path, hash: null, messages, internalErrors: 0 },
    time: untimedOutcome(path, messages, 0),
    list: {
      path,
      forum: null,
      session: null,
      agendaItem: null,
      speaker: null,
      title: null,
      status: null,
      language: 'en',
      unit: 'words',
      writtenWords: 0,
      seconds: null,
      slotSeconds: null,
      fit: null,
      errors: 1,
      warnings: 0,
      internalErrors: 0,
    },
    build: { path, status: 'failed', messages, written: [], writeErrors: [], staged: [], internalErrors: 0 },
  };
  return outcomes[task];
}
