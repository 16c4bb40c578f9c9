/** Parsers for option values shared by commands; a bad value is a commander usage error (exit 2). */
import { InvalidArgumentError } from 'commander';
import { parsePace, parseSlot } from '../model/fields.js';

/** `--pace N`: words per minute. */
export function paceOption(value: string): number {
  const result = parsePace(value);
  if (!result.ok) throw new InvalidArgumentError(result.reason.replace('`pace`', '`--pace`'));
  return result.value;
}

/** `--slot 3m`: a duration. */
export function slotOption(value: string): number {
  const result = parseSlot(value);
  if (!result.ok) throw new InvalidArgumentError(result.reason.replace('`slot`', '`--slot`'));
  return result.value;
}

/** A whole number at least 0 (`--max-warnings`). */
export function countOption(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`Expected a whole number, found \`${value}\``);
  return Number(value);
}
