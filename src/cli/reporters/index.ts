/** The report formats of `alliance check`, by name. */
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import type { Reporter } from './report.js';
import { stylish } from './stylish.js';

/** Reporters by `--format` name. */
export const reporters: Readonly<Record<string, Reporter>> = { stylish, json, github, sarif };
