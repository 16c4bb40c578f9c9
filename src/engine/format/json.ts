/**
 * The JSON report, in the shape of ESLint's JSON formatter so that tools that read it read this: one
 * entry per file checked, `filePath` absolute, severities 1 (warning) and 2 (error).
 */
import type { VFileMessage } from 'vfile-message';
import type { Edit, Suggestion } from '../../model/edit.js';
import type { RuleInfo } from '../types.js';
import { countMessages, safeJson } from './text.js';
import type { MessagesInput } from './view.js';

/** A message as ESLint's JSON formatter writes it (`fatal` for the loader's rules, as for parse errors). */
export function eslintMessage(
  message: VFileMessage & { fix?: Edit; suggestions?: Suggestion[] },
  rules: readonly RuleInfo[],
) {
  const end = message.place && 'end' in message.place ? message.place.end : undefined;
  const fatal = rules.some((rule) => rule.id === message.ruleId && rule.fatal);
  return {
    ruleId: message.ruleId ?? null,
    severity: message.fatal ? 2 : 1,
    message: message.reason,
    line: message.line ?? 1,
    column: message.column ?? 1,
    endLine: end?.line ?? message.line ?? 1,
    endColumn: end?.column ?? message.column ?? 1,
    ...(fatal ? { fatal: true } : {}),
    // ESLint's shapes: `fix` {range, text}; `suggestions` [{desc, fix}].
    ...(message.fix ? { fix: message.fix } : {}),
    ...(message.suggestions
      ? {
          suggestions: message.suggestions.map((suggestion) => ({
            desc: suggestion.description,
            fix: suggestion.edit,
          })),
        }
      : {}),
  };
}

/** Formats results as ESLint-shaped JSON. */
export function json({ results, rules }: MessagesInput): string {
  const entries = results.map((result) => {
    const counts = countMessages(result.messages);
    const messages = result.messages.map((message) => eslintMessage(message, rules));
    return {
      filePath: result.path,
      messages,
      suppressedMessages: [],
      errorCount: counts.errors,
      fatalErrorCount: messages.filter((message) => message.fatal).length,
      warningCount: counts.warnings,
      fixableErrorCount: messages.filter((message) => message.fix && message.severity === 2).length,
      fixableWarningCount: messages.filter((message) => message.fix && message.severity === 1).length,
      ...('output' in result && typeof result.output === 'string' ? { output: result.output } : {}),
      usedDeprecatedRules: [],
    };
  });
  return safeJson(entries);
}
