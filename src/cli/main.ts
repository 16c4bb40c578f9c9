/**
 * The command line: builds the commander program, registers each command, runs it and turns what
 * happened into an exit code (0 clean, 1 findings of error severity, 2 usage, config or internal failure).
 */
import { Command, CommanderError } from 'commander';
import { AllianceError, UsageError, VERSION } from '../engine/index.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerCompletion } from './commands/completion.js';
import { registerInit } from './commands/init.js';
import { registerList } from './commands/list.js';
import { registerNew } from './commands/new.js';
import { registerPreview } from './commands/preview.js';
import { registerLsp } from './commands/lsp.js';
import { registerTime } from './commands/time.js';
import { processIo, type Io } from './io.js';

/** What a command's action sets: the exit code of the run. */
export interface RunState {
  exitCode: number;
}

/** Registers a command on the program; its action reads `io` and sets `state.exitCode`. */
export type RegisterCommand = (program: Command, io: Io, state: RunState) => void;

const COMMANDS: RegisterCommand[] = [
  registerInit,
  registerNew,
  registerCheck,
  registerTime,
  registerList,
  registerBuild,
  registerPreview,
  registerLsp,
  registerCompletion,
];

/** Builds the program with every command, writing through `io`. */
export function buildProgram(io: Io, state: RunState): Command {
  const program = new Command('alliance')
    .description('Write, check, time and hand out the oral statements NGOs deliver at UN meetings.')
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance init --organization "Alliance of NGOs"\n  $ alliance new --forum CCPCJ --session 34 --speaker "Ana Pérez" --title "Victims first"\n  $ alliance check && alliance time && alliance build\n\nDocumentation: https://github.com/ngo-alliance/alliance#readme',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  for (const register of COMMANDS) register(program, io, state);
  program.commands.forEach((command) => command.exitOverride().configureOutput(program.configureOutput()));
  return program;
}

/** Runs the CLI with `argv` (as `process.argv`: node, script, arguments) and returns the exit code. */
export async function main(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const world: Io = { ...processIo(), ...io };
  const state: RunState = { exitCode: 0 };
  // A reader that stops reading (`alliance check | head`) ends the run quietly, as it ends `git log`.
  if (world.stdout === process.stdout) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(state.exitCode);
      throw error;
    });
  }
  const program = buildProgram(world, state);
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with 0; help shown for a missing command, and every usage error, with 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof AllianceError) {
      // An option of the Node API, as the CLI's flag.
      const message =
        error instanceof UsageError && error.option !== undefined
          ? error.message.replaceAll(
              `\`${error.option}\``,
              `\`--${error.option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}\``,
            )
          : error.message;
      world.stderr.write(`alliance: ${message}\n`);
      return error.exitCode;
    }
    world.stderr.write(`alliance: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}
