/** `alliance build [paths…]`: a DOCX and a PDF handout of every statement, under `--out`. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { BuildOutcome, BuildSettings, CopyName, Format } from '../../engine/build/build.js';
import { UsageError } from '../../engine/io/errors.js';
import type { Concurrency } from '../../engine/run/pool.js';
import { printable } from '../../model/describe.js';
import { chalkFor } from '../color.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { colorFlag, concurrencyFlag, configFlag, noColorFlag } from '../options.js';
import { Progress } from '../progress.js';
import { plural } from '../reporters/counts.js';
import { REPORT_FORMATS } from '../reporters/names.js';
import { displayPath } from '../reporters/paths.js';
import { targetFiles } from '../targets.js';

interface BuildOptions {
  out?: string;
  to: Format[];
  force?: boolean;
  rebuild?: boolean;
  speakerCopy?: boolean;
  pdfEngine: 'pdfkit' | 'libreoffice';
  format: string;
  config?: string;
  concurrency: Concurrency;
  color?: boolean;
  watch?: boolean;
}

function formatsOption(value: string): Format[] {
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.find((format) => format !== 'docx' && format !== 'pdf');
  if (unknown !== undefined || formats.length === 0) throw new InvalidArgumentError(`Expected \`docx\`, \`pdf\` or \`docx,pdf\`, found \`${value}\``);
  return [...new Set(formats)] as Format[];
}

/** Registers `build` on the program. */
export function registerBuild(program: Command, io: Io, state: RunState): void {
  program
    .command('build')
    .description('make a DOCX and a PDF handout of each statement (errors in a statement stop its build)')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .option('-o, --out <dir>', 'the output folder (default: dist/ in the project)')
    .option('-t, --to <formats>', 'the formats, as pandoc names them: docx, pdf or docx,pdf', formatsOption, ['docx', 'pdf'])
    .option('--force', 'build statements with errors too (the errors are still printed), and exit 0')
    .option('--rebuild', 'build everything, ignoring what is up to date')
    .option('--speaker-copy', "also make the speaker's copy: large type, times in the margin (or `copies:` in config)")
    .addOption(new Option('--pdf-engine <engine>', 'pdfkit (built in) or libreoffice (converts the DOCX, one soffice call)').choices(['pdfkit', 'libreoffice']).default('pdfkit'))
    .addOption(new Option('-f, --format <name>', 'report format for the messages').choices(REPORT_FORMATS).default('stylish'))
    .addOption(configFlag())
    .addOption(concurrencyFlag())
    .option('-w, --watch', 'build again each statement that is saved')
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText('after', '\nExamples:\n  $ alliance build\n  $ alliance build statements/ccpcj-34 --to pdf --speaker-copy\n  $ alliance build --out handouts --rebuild\n  $ SOURCE_DATE_EPOCH=1735689600 alliance build   # fixed dates in the documents')
    .action(async (patterns: string[], options: BuildOptions) => {
      const { contextFor } = await import('../../engine/project/context.js');
      const { buildFiles } = await import('../../engine/run/build-files.js');
      const context = contextFor(io.cwd, {}, options.config);
      const files = await targetFiles(patterns, io.cwd, context.config);
      const copies: CopyName[] = options.speakerCopy ? ['handout', 'speaker'] : (context.config.copies ?? ['handout']);
      const settings: BuildSettings = {
        outDir: options.out === undefined ? resolve(context.config.dir, 'dist') : resolve(io.cwd, options.out),
        formats: options.to,
        copies: [...new Set(copies)],
        force: options.force === true,
        pdfEngine: options.pdfEngine,
        sourceDateEpoch: sourceDateEpoch(io.env.SOURCE_DATE_EPOCH),
      };
      const { makeFolder } = await import('../../engine/io/folders.js');
      try {
        makeFolder(settings.outDir);
        if (!statSync(settings.outDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      } catch (error) {
        throw new UsageError(`Expected an output folder at \`${settings.outDir}\`, found ${(error as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'a file there' : `an error: \`${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\``}`);
      }
      const run = async (paths: readonly string[], rebuild: boolean | undefined) => {
        const progress = new Progress(io.stderr, 'Building');
        const started = Date.now();
        const outcomes = await buildFiles(paths, context, settings, {
          rebuild,
          concurrency: options.concurrency,
          onProgress: (done, total) => progress.update(done, total),
          env: io.env,
        });
        progress.end();
        await report(outcomes, options, settings, io, Date.now() - started);
        const failed = outcomes.some((outcome) => outcome.status === 'failed' || (outcome.status === 'skipped' && !options.force));
        return outcomes.some((outcome) => outcome.internalErrors > 0) ? 2 : failed ? 1 : 0;
      };
      state.exitCode = await run(files, options.rebuild);
      if (!options.watch) return;
      const { watchCommand } = await import('../watch.js');
      await watchCommand({ io, patterns, config: context.config, files, onChange: async (changed) => (state.exitCode = await run(changed, false)) });
    });
}

async function report(outcomes: readonly BuildOutcome[], options: BuildOptions, settings: BuildSettings, io: Io, milliseconds: number): Promise<void> {
  const { restoreMessage } = await import('../../engine/check/messages.js');
  const chalk = chalkFor(io.stdout, io.env, options.color);
  const results = outcomes.map((outcome) => ({ path: outcome.path, messages: outcome.messages.map((stored) => restoreMessage(stored, outcome.path)) }));
  if (options.format !== 'stylish') {
    const { reporters } = await import('../reporters/index.js');
    io.stdout.write(await reporters[options.format]!({ results, cwd: io.cwd, chalk, env: io.env }));
    return;
  }
  const lines: string[] = [];
  const show = (path: string) => displayPath(path, io.cwd);
  for (const [index, outcome] of outcomes.entries()) {
    const source = show(outcome.path);
    const messages = results[index]!.messages;
    if (outcome.status === 'skipped') {
      const first = messages.find((message) => message.fatal) ?? messages[0];
      const why = first ? `${first.line}:${first.column} ${printable(first.reason)} (${first.ruleId})` : 'it has errors';
      lines.push(`${chalk.red('✖')} ${source} ${chalk.red('not built')}: ${why}`);
      continue;
    }
    for (const problem of outcome.writeErrors) lines.push(`${chalk.red('✖')} ${source}: could not write ${show(problem.path)}: ${problem.reason}`);
    if (outcome.status === 'built' && !io.stdout.isTTY) lines.push(`${chalk.green('✔')} ${source} → ${outcome.written.map((file) => show(resolve(settings.outDir, file))).join(', ')}`);
    for (const message of messages) {
      if (!message.fatal && outcome.status === 'unchanged') continue;
      const severity = message.fatal ? chalk.red('error  ') : chalk.yellow('warning');
      lines.push(`  ${source}:${message.line}:${message.column}  ${severity}  ${printable(message.reason)}  ${chalk.dim(message.ruleId ?? '')}`);
    }
  }
  const count = (status: BuildOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  const written = outcomes.reduce((sum, outcome) => sum + outcome.written.length, 0);
  const parts = [`${plural(count('built'), 'statement')} built (${plural(written, 'file')}) in ${(milliseconds / 1000).toFixed(1)} s`];
  if (count('unchanged') > 0) parts.push(`${count('unchanged')} up to date`);
  if (count('skipped') > 0) parts.push(chalk.red(`${count('skipped')} not built${options.force ? '' : ' (errors: fix them, or --force)'}`));
  if (count('failed') > 0) parts.push(chalk.red(`${count('failed')} failed`));
  lines.push(`${parts.join('; ')} → ${show(settings.outDir)}`);
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** The latest date a document can carry: 9999-12-31T23:59:59Z. */
const MAX_EPOCH = 253402300799;

/**
 * SOURCE_DATE_EPOCH as reproducible-builds.org defines it: whole seconds since 1970, in digits; unset
 * or empty, none; anything else is refused, so that a build never silently takes the wrong dates.
 */
function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > MAX_EPOCH) {
    throw new UsageError(`Expected SOURCE_DATE_EPOCH to be whole seconds since 1970 (at most ${MAX_EPOCH}), found \`${value}\``);
  }
  return Number(value);
}
