/** Options shared by commands and the parsers of their values; a bad value is a commander usage error (exit 2). */
import { InvalidArgumentError, Option } from 'commander';
import { parsePace, parseSlot, type Concurrency } from '../engine/index.js';

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

/** `--concurrency`: a number of threads, `auto` or `off`. */
export function concurrencyOption(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value.trim())) return Number(value);
  throw new InvalidArgumentError(`Expected a number of threads, \`auto\` or \`off\`, found \`${value}\``);
}

/** `-c, --config <path>`: a config file named outright instead of the one found. */
export function configFlag(): Option {
  return new Option('-c, --config <path>', 'use this config file instead of looking for alliance.config.yaml');
}

/** `--concurrency <n>`: worker threads, `auto` by default. */
export function concurrencyFlag(): Option {
  return new Option('--concurrency <n>', 'worker threads: a number, `auto` (large batches) or `off`')
    .argParser(concurrencyOption)
    .default('auto');
}

/** `--color`: colours even where the output is not a terminal. */
export function colorFlag(): Option {
  return new Option('--color', 'force colours');
}

/** `--no-color`: no colours (as `NO_COLOR` in the environment). */
export function noColorFlag(): Option {
  return new Option('--no-color', 'no colours (also NO_COLOR)');
}
