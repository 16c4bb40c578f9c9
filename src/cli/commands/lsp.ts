/** `alliance lsp --stdio`: the language server editors start (see src/lsp/server.ts). */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';

/** Registers `lsp` on the program. */
export function registerLsp(program: Command, _io: Io, state: RunState): void {
  program
    .command('lsp')
    .description('run the language server an editor starts (checks, fixes and times as you type)')
    .option('--stdio', 'talk to the editor over standard input and output (the only way, and the default)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance lsp --stdio\n\nSet-ups for VS Code, Neovim and Helix: the README, "In your editor".',
    )
    .action(async () => {
      const { startLanguageServer } = await import('../../lsp/server.js');
      state.exitCode = await startLanguageServer();
    });
}
