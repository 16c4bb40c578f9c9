/** `alliance new`: a new statement from the template, front matter filled from flags or answers. */
import { relative } from 'node:path';
import type { Command } from 'commander';
import { newStatement, newVersion, openProject, singleLine, UsageError } from '../../engine/index.js';
import type { Io } from '../io.js';
import type { RunState } from '../main.js';
import { configFlag } from '../options.js';
import { Prompter } from '../prompt.js';

interface NewOptions {
  title?: string;
  forum?: string;
  session?: string;
  speaker?: string;
  agendaItem?: string;
  date?: string;
  language?: string;
  role?: string;
  organization?: string;
  config?: string;
  versionOf?: string;
}

const REQUIRED = ['forum', 'session', 'speaker'] as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Registers `new` on the program. */
export function registerNew(program: Command, io: Io, state: RunState): void {
  program
    .command('new')
    .description('write a new statement from templates/statement.md, and print its path')
    .option('--title <text>', "the statement's title (also its file name)")
    .option(
      '--forum <name>',
      'the forum, e.g. CCPCJ, "UNTOC COP" (its slot and presiding officer come from the registry)',
    )
    .option('--session <text>', 'the session, e.g. 34')
    .option('--speaker <name>', 'who delivers it')
    .option('--agenda-item <text>', 'the agenda item')
    .option('--date <YYYY-MM-DD>', 'the day of delivery')
    .option('--language <code>', 'en, fr, es, ar, zh or ru')
    .option('--role <text>', "the speaker's role")
    .option('--organization <name>', 'the organization (default from the config file)')
    .option('--version-of <path>', 'write a language version of this statement beside it (with --language)')
    .addOption(configFlag())
    .addHelpText(
      'after',
      '\nExamples:\n  $ alliance new                 # asks for each field on a terminal\n  $ alliance new --version-of statements/ccpcj-34/victims.md --language fr\n  $ alliance new --forum "UNTOC COP" --session 12 --speaker "Ana Pérez" --title "Victims first"',
    )
    .action(async (options: NewOptions) => {
      const project = await openProject({ cwd: io.cwd, config: options.config });
      if (options.versionOf !== undefined) {
        if (options.language === undefined)
          throw new UsageError('Expected `--language` with `--version-of`, found none', 'language');
        const path = await newVersion(project, options.versionOf, options.language);
        io.stdout.write(`${relative(io.cwd, path) || path}\n`);
        state.exitCode = 0;
        return;
      }
      const given = Object.values(options).some((value) => value !== undefined);
      const answers: NewOptions = { ...options };
      if (!given || REQUIRED.some((name) => options[name] === undefined)) {
        if (!Prompter.canAsk(io)) {
          const missing = REQUIRED.filter((name) => options[name] === undefined).map((name) => `--${name}`);
          throw new UsageError(`Expected ${missing.join(', ')} (or a terminal to ask on), found none`);
        }
        const prompter = new Prompter(io);
        try {
          answers.title ??= await prompter.ask('Title');
          answers.forum ??= await prompter.ask('Forum', 'CCPCJ');
          answers.session ??= await prompter.ask('Session');
          answers.speaker ??= await prompter.ask('Speaker');
          answers.agendaItem ??= await prompter.ask('Agenda item');
          answers.date ??= await prompter.ask('Date', today());
          answers.language ??= await prompter.ask('Language', project.config.language ?? 'en');
        } finally {
          prompter.close();
        }
      }
      const value = Object.fromEntries(
        Object.entries(answers).map(([key, entry]) => [key, singleLine(entry as string | undefined)]),
      ) as NewOptions;
      for (const name of REQUIRED)
        if (value[name] === undefined) throw new UsageError(`Expected a ${name} for the statement, found none`);
      const { forum, session, speaker } = value;
      if (forum === undefined || session === undefined || speaker === undefined)
        throw new UsageError('Expected a forum, session and speaker for the statement, found none');
      const { path, warnings } = await newStatement(project, {
        forum,
        session,
        speaker,
        title: value.title,
        agendaItem: value.agendaItem,
        date: value.date,
        language: value.language,
        role: value.role,
        organization: value.organization,
      });
      for (const warning of warnings) io.stderr.write(`alliance: warning: ${warning}\n`);
      io.stdout.write(`${relative(io.cwd, path) || path}\n`);
      state.exitCode = 0;
    });
}
