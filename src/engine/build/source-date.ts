/** `SOURCE_DATE_EPOCH`, the date reproducible builds put in documents. */
import { UsageError } from '../io/errors.js';

/** The latest date a document can carry: 9999-12-31T23:59:59Z. */
const MAX_EPOCH = 253402300799;

/**
 * SOURCE_DATE_EPOCH as reproducible-builds.org defines it: whole seconds since 1970, in digits; unset
 * or empty, none; anything else is refused, so that a build never silently takes the wrong dates.
 */
export function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > MAX_EPOCH) {
    throw new UsageError(
      `Expected SOURCE_DATE_EPOCH to be whole seconds since 1970 (at most ${MAX_EPOCH}), found \`${value}\``,
    );
  }
  return Number(value);
}
