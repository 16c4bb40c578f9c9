/**
 * Imported by every file of property tests: they run with one fixed seed, printed, so a run on a loaded
 * machine does what every other run did; `ALLIANCE_SEED=<n> npm test` tries another.
 */
import fc from 'fast-check';

const seed = Number(process.env.ALLIANCE_SEED ?? 20261130);
fc.configureGlobal({ seed });
console.log(`property tests: fast-check seed ${seed} (ALLIANCE_SEED to change)\n`);
