/**
 * The JSON report, in the shape of ESLint's JSON formatter so that tools that read it read this: one
 * entry per file checked, `filePath` absolute, severities 1 (warning) and 2 (error).
 */
import type { VFileMessage } from 'vfile-message';
import { rulesById } from '../../rules/index.js';
import { countMessages } from './counts.js';
import type { Reporter } from './report.js';

/** A message as ESLint's JSON formatter writes it (`fatal` for the loader's rules, as for parse errors). */
export function eslintMessage(message: VFileMessage) {
  const end = message.place && 'end' in message.place ? message.place.end : undefined;
  const fatal = rulesById.get(message.ruleId ?? '')?.runsOnUnusable === true;
  return {
    ruleId: message.ruleId ?? null,
    severity: message.fatal ? 2 : 1,
    message: message.reason,
    line: message.line ?? 1,
    column: message.column ?? 1,
    endLine: end?.line ?? message.line ?? 1,
    endColumn: end?.column ?? message.column ?? 1,
    ...(fatal ? { fatal: true } : {}),
  };
}

/** Formats results as ESLint-shaped JSON. */
export const json: Reporter = ({ results }) => {
  const entries = results.map((result) => {
    const counts = countMessages(result.messages);
    const messages = result.messages.map(eslintMessage);
    return {
      filePath: result.path,
      messages,
      suppressedMessages: [],
      errorCount: counts.errors,
      fatalErrorCount: messages.filter((message) => message.fatal).length,
      warningCount: counts.warnings,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
  return `${JSON.stringify(entries, null, 2)}\n`;
};
