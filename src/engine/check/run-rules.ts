/** Runs the rules on a loaded statement and collects their findings as vfile messages. */
import { VFileMessage } from '../../data/libraries.js';
import type { Edit, Repair, Suggestion } from '../../model/edit.js';
import { isUnusable, languageUnknown, type Point, type Span, type Statement } from '../../model/statement.js';
import { rules } from '../../rules/index.js';
import { ruleUrl } from '../io/version.js';

/** The `source` of every message: the tool's name. */
export const MESSAGE_SOURCE = 'alliance';

/**
 * The most messages one rule reports on one file; past it, one more message says how many were left
 * out. A statement with 150,000 placeholders is one finding to fix, not a report of megabytes.
 */
export const MAX_MESSAGES_PER_RULE = 100;

/** A message of alliance: a vfile message that may carry its repair as data (see model/edit.ts). */
export type AllianceMessage = VFileMessage & { fix?: Edit; suggestions?: Suggestion[] };

/**
 * Makes a message of a rule, with the severity config gave it (`fatal` true for errors) and its repair:
 * the fix or the suggestions, whose texts are also the message's `expected` (as unified's are).
 */
export function makeMessage(
  reason: string,
  ruleId: string,
  severity: 'error' | 'warning',
  place: Point | Span | undefined,
  path: string,
  repair?: Repair,
): AllianceMessage {
  const message: AllianceMessage = new VFileMessage(reason, {
    place: place ?? { line: 1, column: 1 },
    ruleId,
    source: MESSAGE_SOURCE,
  });
  message.fatal = severity === 'error';
  message.file = path;
  message.url = ruleUrl(ruleId);
  if (repair?.fix) {
    message.fix = repair.fix;
    message.expected = [repair.fix.text];
  }
  if (repair?.suggestions && repair.suggestions.length > 0) {
    message.suggestions = repair.suggestions;
    message.expected ??= repair.suggestions.map((suggestion) => suggestion.edit.text);
  }
  return message;
}

/** The findings of every rule (or of the rules in `only`) that applies to the statement, in order of place; also added to its file. */
export function runRules(
  statement: Statement,
  only?: ReadonlySet<string>,
): { messages: AllianceMessage[]; internalErrors: number } {
  const messages: AllianceMessage[] = [];
  let internalErrors = 0;
  const unusable = isUnusable(statement);
  // After `language: Spanish`, the one finding is the language's: no rule reads the text in English instead.
  const noLanguage = languageUnknown(statement);
  for (const rule of rules) {
    if (only && !only.has(rule.id)) continue;
    const severity = statement.settings.severities.get(rule.id) ?? rule.severity;
    if (severity === 'off') continue;
    if (unusable && !rule.runsOnUnusable) continue;
    if (rule.deliveryOnly && statement.settings.kind === 'written') continue;
    if (noLanguage && rule.languageDependent) continue;
    let reported = 0;
    let firstLeftOut: Point | Span | undefined;
    try {
      rule.check(statement, (reason, place, repair) => {
        reported += 1;
        if (reported <= MAX_MESSAGES_PER_RULE)
          messages.push(makeMessage(reason, rule.id, severity, place, statement.path, repair));
        else firstLeftOut ??= place;
      });
      if (reported > MAX_MESSAGES_PER_RULE) {
        const leftOut = reported - MAX_MESSAGES_PER_RULE;
        const reason = `Expected at most ${MAX_MESSAGES_PER_RULE} findings of \`${rule.id}\` in one file, found ${reported} (${leftOut} more not shown)`;
        messages.push(makeMessage(reason, rule.id, severity, firstLeftOut, statement.path));
      }
    } catch (error) {
      internalErrors += 1;
      messages.push(
        makeMessage(
          `Expected the rule to run, found an internal error: ${(error as Error).message}`,
          rule.id,
          'error',
          undefined,
          statement.path,
        ),
      );
    }
  }
  messages.sort(byPlace);
  for (const message of messages) statement.file.messages.push(message);
  return { messages, internalErrors };
}

/** Orders messages by line, then column (stable for messages at the same place). */
export function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
