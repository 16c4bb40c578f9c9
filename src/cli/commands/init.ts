/** `alliance init [folder]`: sets up a project of statements (config, statements/, templates, CI workflow). */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { init, singleLine, UsageError } from '../../engine/index.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { Prompter } from '../prompt.js';

interface InitOptions {
  organization?: string;
  language?: string;
  yes?: boolean;
  tool?: string;
}

/** Registers `init` on the program. */
export function registerInit(program: Command, io: Io, state: RunState): void {
  program
    .command('init')
    .description('set up a project: alliance.config.yaml, statements/, templates/, a CI workflow (never overwrites)')
    .argument('[folder]', 'where (default: here)', '.')
    .option('--organization <name>', 'the organization (asked for on a terminal)')
    .option('--language <code>', 'default language of statements: en, fr, es, ar, zh or ru', 'en')
    .option(
      '--tool <source>',
      "where the project's package.json takes alliance from (default: this version's release tag)",
    )
    .option('-y, --yes', 'ask nothing (for scripts)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance init\n  $ alliance init my-statements --organization "Alliance of NGOs" --yes',
    )
    .action(async (folder: string, options: InitOptions) => {
      let organization = singleLine(options.organization);
      if (!organization && !options.yes) {
        if (!Prompter.canAsk(io))
          throw new UsageError('Expected `--organization` (or `--yes`, or a terminal to ask on), found none');
        const prompter = new Prompter(io);
        try {
          organization = singleLine(await prompter.ask('Organization'));
        } finally {
          prompter.close();
        }
      }
      const dir = resolve(io.cwd, folder);
      const result = await init({ dir, organization, language: options.language, tool: options.tool });
      const list = (paths: string[]) => paths.map((path) => `  ${path}`).join('\n');
      io.stdout.write(
        result.written.length > 0 ? `Set up ${dir}:\n${list(result.written)}\n` : `Nothing to set up in ${dir}.\n`,
      );
      if (result.kept.length > 0) io.stdout.write(`Kept as they were (never overwritten):\n${list(result.kept)}\n`);
      for (const problem of result.problems)
        io.stderr.write(`alliance: could not write \`${problem.path}\`: ${problem.reason}\n`);
      if (result.written.length > 0)
        io.stdout.write(
          '\nNext: npm install (then commit package-lock.json, which CI installs from), alliance new, alliance check, alliance time, alliance build.\n',
        );
      state.exitCode = result.problems.length > 0 ? 2 : 0;
    });
}
