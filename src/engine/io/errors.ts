/** Failures of the tool itself (not findings in statements), each carrying the exit code it ends with. */

/** A failure that ends the run with `exitCode`. */
export class AllianceError extends Error {
  /** Creates a failure ending the run with `exitCode` (2 unless said otherwise). */
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A command used wrongly: unknown option, a path that matches nothing. Exit 2. Where one option of the
 * call was wrong, `option` names it as the message does, in backticks (`language`, `slot`): the CLI
 * shows it as its flag (`--language`, `--slot`).
 */
export class UsageError extends AllianceError {
  /** Creates a usage failure, naming the option of the call that was wrong, if one was. */
  constructor(
    message: string,
    readonly option?: string,
  ) {
    super(message);
  }
}

/** A config file that cannot be read or is wrong, with the place of the problem. Exit 2. */
export class ConfigError extends AllianceError {
  /** Creates a config failure at `file:line:column`. */
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}
