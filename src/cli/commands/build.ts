/** `alliance build [paths…]`: a DOCX and a PDF handout of each statement, under `--out`. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import {
  build,
  format,
  formatNames,
  openProject,
  prepareBuild,
  ruleInfo,
  type Concurrency,
  type Format,
} from '../../engine/index.js';
import { exitCodeOf } from '../exit-code.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { colorFlag, concurrencyFlag, configFlag, noColorFlag } from '../options.js';
import { Progress } from '../progress.js';
import { runOrWatch } from '../run-or-watch.js';
import { viewOf } from '../view.js';

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
  const formats = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.find((name) => name !== 'docx' && name !== 'pdf');
  if (unknown !== undefined || formats.length === 0)
    throw new InvalidArgumentError(`Expected \`docx\`, \`pdf\` or \`docx,pdf\`, found \`${value}\``);
  return [...new Set(formats)] as Format[];
}

/** Registers `build` on the program. */
export function registerBuild(program: Command, io: Io, state: RunState): void {
  const formats = formatNames('build');
  program
    .command('build')
    .description('make a DOCX and a PDF handout of each statement (errors in a statement stop its build)')
    .argument('[paths...]', "files, folders or globs (default: the config's statements, statements/**/*.md)")
    .option('-o, --out <dir>', 'the output folder (default: dist/ in the project)')
    .option('-t, --to <formats>', 'the formats, as pandoc names them: docx, pdf or docx,pdf', formatsOption, [
      'docx',
      'pdf',
    ])
    .option(
      '--force',
      'build statements with errors too (the errors are still printed), and exit 0 once every handout is written',
    )
    .option('--rebuild', 'build everything, ignoring what is up to date')
    .option('--speaker-copy', "also make the speaker's copy: large type, times in the margin (or `copies:` in config)")
    .addOption(
      new Option('--pdf-engine <engine>', 'pdfkit (built in) or libreoffice (converts the DOCX, one soffice call)')
        .choices(['pdfkit', 'libreoffice'])
        .default('pdfkit'),
    )
    .addOption(
      new Option('-f, --format <name>', `report format for the messages: ${formats.join(', ')}`)
        .choices(formats)
        .default(formats[0]),
    )
    .addOption(configFlag())
    .addOption(concurrencyFlag())
    .option('-w, --watch', 'build again each statement that is saved')
    .addOption(colorFlag())
    .addOption(noColorFlag())
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance build\n  $ alliance build statements/ccpcj-34 --to pdf --speaker-copy\n  $ alliance build --out handouts --rebuild\n  $ SOURCE_DATE_EPOCH=1735689600 alliance build   # fixed dates in the documents',
    )
    .action(async (patterns: string[], options: BuildOptions) => {
      const project = await openProject({ cwd: io.cwd, config: options.config });
      // A wrong --out or SOURCE_DATE_EPOCH is a usage error before any statement is looked for.
      await prepareBuild({ project, out: options.out, sourceDateEpoch: io.env.SOURCE_DATE_EPOCH });
      const rules = await ruleInfo();
      const run = async (files: readonly string[] | undefined, rebuild: boolean | undefined, current = project) => {
        const progress = new Progress(io.stderr, 'Building');
        const started = Date.now();
        const result = await build({
          project: current,
          files,
          patterns,
          out: options.out,
          to: options.to,
          copies: options.speakerCopy ? ['handout', 'speaker'] : undefined,
          force: options.force,
          rebuild,
          pdfEngine: options.pdfEngine,
          sourceDateEpoch: io.env.SOURCE_DATE_EPOCH,
          concurrency: options.concurrency,
          onProgress: (done, total) => progress.update(done, total),
          env: io.env,
        });
        progress.end();
        io.stdout.write(
          await format('build', options.format, {
            ...viewOf(io, options.color),
            result,
            rules,
            force: options.force === true,
            milliseconds: Date.now() - started,
          }),
        );
        return { files: result.statements.map((statement) => statement.path), exitCode: exitCodeOf(result.outcome) };
      };
      await runOrWatch(
        { io, state, project, patterns, watch: options.watch },
        () => run(undefined, options.rebuild),
        (changed, current) => run(changed, false, current),
      );
    });
}
