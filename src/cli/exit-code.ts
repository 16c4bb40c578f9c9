/** Exit codes: 0 clean, 1 findings, 2 usage, config or internal failure. */
import type { Outcome } from '../engine/index.js';

/** The exit code of a run that ended with `outcome`. */
export function exitCodeOf(outcome: Outcome): 0 | 1 | 2 {
  return outcome === 'clean' ? 0 : outcome === 'findings' ? 1 : 2;
}
