/** What each formatter receives: the engine's result for its command, and how to show it. */
import type { ChalkInstance } from 'chalk';
import type { VFileMessage } from 'vfile-message';
import type { BuildResult, CheckResult, ListResult, RuleInfo, TimeResult } from '../types.js';

/** How any report is shown: paths relative to `cwd`, colours through `chalk`. */
export interface View {
  cwd: string;
  chalk: ChalkInstance;
  env: Record<string, string | undefined>;
  /** Standard output is a terminal. */
  isTTY: boolean;
}

/** Messages by file, as `check` and `build` report them in the machine formats. */
export interface MessagesInput extends View {
  command: 'check' | 'build';
  results: readonly { path: string; messages: readonly VFileMessage[]; output?: string; source?: string }[];
  rules: readonly RuleInfo[];
}

/** The input of each command's formatters. */
export interface FormatterInput {
  check: View & { result: CheckResult };
  build: View & { result: BuildResult; rules: readonly RuleInfo[]; force: boolean; milliseconds: number };
  time: View & { result: TimeResult; paragraphs: boolean };
  list: View & { result: ListResult };
}

/** A command whose output has formats. */
export type FormattedCommand = keyof FormatterInput;

/** A formatter: a command's result in, text for standard output out (and any side output, such as a step summary). */
export type Formatter<C extends FormattedCommand> = (input: FormatterInput[C]) => string | Promise<string>;
