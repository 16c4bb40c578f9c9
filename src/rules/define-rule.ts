/** The shape of a rule: an id, a severity, a one-line summary and a check over a statement. */
import type { Repair } from '../model/edit.js';
import type { Point, Span, Statement } from '../model/statement.js';

/**
 * Reports a finding of the rule at a place (the start of the file when none is given), with its repair
 * as data where there is one: a `fix` that is certain, or `suggestions` to choose from.
 */
export type Report = (reason: string, place?: Point | Span, repair?: Repair) => void;

/** A rule of `alliance check`. */
export interface Rule {
  /** The stable kebab-case id: the file name, the `ruleId` of its messages, its README anchor. */
  id: string;
  /** The one severity of its messages, unless config turns it `off` or changes it. */
  severity: 'error' | 'warning';
  /** What it checks, in one line (for `--help`, SARIF and the README). */
  summary: string;
  /** Applies to oral statements only: rules about delivery skip `kind: written`. */
  deliveryOnly?: boolean;
  /** Reads the statement's language (its phrases, numbers or pace): skipped when that language is unknown. */
  languageDependent?: boolean;
  /** Runs even when the loader could not make sense of the file (the loader's own rules). */
  runsOnUnusable?: boolean;
  /** Gives its findings a `fix` that `check --fix` may apply (some of them, or all). */
  fixable?: boolean;
  /** Runs the check, reporting each finding. */
  check(statement: Statement, report: Report): void;
}

/** Declares a rule (typed identity, so each rule file reads as one declaration). */
export function defineRule(rule: Rule): Rule {
  return rule;
}
