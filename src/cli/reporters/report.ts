/** What every report format receives, and the names of the formats. */
import type { ChalkInstance } from 'chalk';
import type { FileResult } from '../../engine/run/check-files.js';

/** The input of a report: the results, and how to show paths and colours. */
export interface ReportInput {
  results: readonly FileResult[];
  cwd: string;
  chalk: ChalkInstance;
  env: Record<string, string | undefined>;
}

/** A report format: results in, text for stdout out (and any side output, such as a step summary). */
export type Reporter = (input: ReportInput) => Promise<string> | string;
