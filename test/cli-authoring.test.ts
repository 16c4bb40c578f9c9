/** The authoring workflow: `init`, `new` (with its prompts), `list`, completion, help. */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { buildProgram } from '../src/cli/main.js';
import { processIo } from '../src/cli/io.js';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');

/** Runs the CLI with a fake terminal that answers each question with the next line. */
async function withTerminal(args: string[], cwd: string, answers: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  let stdout = '';
  let stderr = '';
  const finished = main(['node', 'alliance', ...args], {
    cwd,
    env: {},
    stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  for (const answer of answers) stdin.write(`${answer}\n`);
  stdin.end();
  const code = await finished;
  return { code, stdout, stderr };
}

describe('alliance init', () => {
  it('sets up a project that the other commands use', async () => {
    const project = tempProject();
    const run = await runCli(['init', '--organization', 'Alliance of NGOs', '--yes'], { cwd: project });
    expect(run.code).toBe(0);
    for (const path of [
      'alliance.config.yaml',
      'templates/handout.yaml',
      'templates/statement.md',
      '.github/workflows/statements.yml',
    ])
      expect(existsSync(join(project, path)), path).toBe(true);
    expect(existsSync(join(project, 'statements'))).toBe(true);
    const config = readFileSync(join(project, 'alliance.config.yaml'), 'utf8');
    expect(config).toContain('organization: Alliance of NGOs');
    expect(config).toContain('# yaml-language-server: $schema=');
    expect(config).toMatch(/# rules:\n# {3}self-identification: warn/);
    writeFileSync(join(project, 'statements/a.md'), GOOD.replace('organization: Alliance of NGOs\n', ''));
    expect((await runCli(['check'], { cwd: project })).code).toBe(0);
  });

  it('writes any organization name as one YAML value: quotes, colons, hashes and line breaks', async () => {
    const project = tempProject();
    const name = 'Alliance: "NGOs" # of\n- crime: prevention';
    expect((await runCli(['init', '--organization', name, '--yes'], { cwd: project })).code).toBe(0);
    const config = readFileSync(join(project, 'alliance.config.yaml'), 'utf8');
    expect(config).toContain(`organization: 'Alliance: "NGOs" # of - crime: prevention'`);
    writeFileSync(
      join(project, 'statements/a.md'),
      GOOD.replace('organization: Alliance of NGOs\n', '').replace(
        'The Alliance of NGOs welcomes',
        'Alliance: "NGOs" # of - crime: prevention welcomes',
      ),
    );
    const run = await runCli(['check'], { cwd: project });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('says so (exit 2) when the folder cannot be made, and never hangs', async () => {
    const file = join(tempProject({ 'a-file': 'x' }), 'a-file');
    const run = await runCli(['init', file, '--organization', 'X', '--yes'], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Expected a folder that can be made at \`${file}\`, found an error: \`ENOTDIR\``);
    if (existsSync('/proc/self'))
      expect(
        (await runCli(['init', '/proc/alliance-project', '--organization', 'X', '--yes'], { cwd: ROOT })).code,
      ).toBe(2);
  });

  it('never overwrites: what is there (a file, a link leading nowhere, another config) is kept and named, the rest written', async () => {
    const project = tempProject({ 'templates/handout.yaml': 'mine\n', 'alliance.config.json': '{}\n' });
    symlinkSync(join(project, 'nowhere'), join(project, 'package.json'));
    const run = await runCli(['init', '--organization', 'X', '--yes'], { cwd: project });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Kept as they were (never overwritten):\n  alliance.config.json\n  templates/handout.yaml\n  package.json\n',
    );
    expect(readFileSync(join(project, 'templates/handout.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(project, 'alliance.config.yaml'))).toBe(false);
    expect(lstatSync(join(project, 'package.json')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(project, 'nowhere'))).toBe(false);
    expect(readFileSync(join(project, 'templates/statement.md'), 'utf8')).toContain('{{opening}}');
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toContain('\ndist/\n');
    const again = await runCli(['init', '--organization', 'X', '--yes'], { cwd: project });
    expect(again.stdout).toMatch(/^Nothing to set up in /);
  });

  it('asks for the organization on a terminal, and needs it (or --yes) without one', async () => {
    const project = tempProject();
    const run = await withTerminal(['init'], project, ['Penal Reform Network']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Organization: ');
    expect(readFileSync(join(project, 'alliance.config.yaml'), 'utf8')).toContain('organization: Penal Reform Network');
    const script = await runCli(['init'], { cwd: tempProject() });
    expect(script.code).toBe(2);
    expect(script.stderr).toContain('Expected `--organization`');
    const quiet = tempProject();
    expect((await runCli(['init', '--yes'], { cwd: quiet })).code).toBe(0);
    expect(readFileSync(join(quiet, 'alliance.config.yaml'), 'utf8')).toContain('# organization: Your organization');
  });
});

/**
 * A new statement is its skeleton: `check` finds only that (every other rule passes), and passes once
 * a paragraph of the author's takes the guidance comment's place.
 */
async function expectOnlySkeletonError(folder: string, path: string): Promise<void> {
  const skeleton = await runCli(['check', path, '--format', 'json'], { cwd: folder });
  const messages = (JSON.parse(skeleton.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages;
  expect(messages.map((message) => message.ruleId)).toEqual(['empty-statement']);
  const text = readFileSync(join(folder, path), 'utf8').replace(/<!--[\s\S]*?-->/, 'Nous, les ONG, agissons.');
  writeFileSync(join(folder, path), text);
  expect((await runCli(['check', path], { cwd: folder })).code).toBe(0);
}

describe('alliance new', () => {
  const project = () => tempProject({ 'alliance.config.yaml': 'organization: Alliance of NGOs\n' });

  it("writes a statement from flags, with the forum's officer and slot, that passes check", async () => {
    const folder = project();
    const run = await runCli(
      [
        'new',
        '--forum',
        'CCPCJ',
        '--session',
        '34',
        '--speaker',
        'Ana Pérez',
        '--title',
        'Victims first',
        '--agenda-item',
        '5',
        '--date',
        '2025-05-19',
      ],
      { cwd: folder },
    );
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe('statements/ccpcj-34/victims-first.md');
    const text = readFileSync(join(folder, run.stdout.trim()), 'utf8');
    expect(text).toContain(
      'title: Victims first\nforum: CCPCJ\nsession: "34"\nagenda_item: "5"\ndate: 2025-05-19\nspeaker: Ana Pérez\norganization: Alliance of NGOs\n',
    );
    expect(text).toContain('slot: 3:00');
    expect(text).toContain('\nMadam Chair,\n');
    await expectOnlySkeletonError(folder, run.stdout.trim());
  });

  it('addresses the President at a COP, and writes French and Spanish openings', async () => {
    const folder = project();
    const cop = await runCli(['new', '--forum', 'COP', '--session', '12', '--speaker', 'A'], { cwd: folder });
    expect(readFileSync(join(folder, cop.stdout.trim()), 'utf8')).toContain('\nMadam President,\n');
    expect(cop.stdout.trim()).toBe('statements/untoc-cop-12/statement.md');
    const french = await runCli(['new', '--forum', 'COP', '--session', '12', '--speaker', 'A', '--language', 'fr'], {
      cwd: folder,
    });
    const frenchText = readFileSync(join(folder, french.stdout.trim()), 'utf8');
    expect(frenchText).toContain('Monsieur le Président,');
    expect(frenchText).toContain('Je vous remercie.');
    const spanish = await runCli(['new', '--forum', 'AHC', '--session', '5', '--speaker', 'A', '--language', 'es'], {
      cwd: folder,
    });
    expect(readFileSync(join(folder, spanish.stdout.trim()), 'utf8')).toContain('Señora Presidenta,');
    for (const run of [cop, french, spanish]) await expectOnlySkeletonError(folder, run.stdout.trim());
  });

  it('makes a safe file name that never clashes', async () => {
    const folder = project();
    const make = async (title: string, session = '1') =>
      (
        await runCli(['new', '--forum', 'CCPCJ', '--session', session, '--speaker', 'A', '--title', title], {
          cwd: folder,
        })
      ).stdout.trim();
    expect(await make('../../etc/passwd')).toBe('statements/ccpcj-1/etc-passwd.md');
    expect(await make('*** ///')).toBe('statements/ccpcj-1/statement.md');
    expect(await make('*** ///')).toBe('statements/ccpcj-1/statement-2.md');
    expect(await make('Ｃafé\u0301 naïve')).toBe('statements/ccpcj-1/cafe-naive.md');
    expect((await make('word '.repeat(40))).split('/').at(-1)!.length).toBeLessThanOrEqual(63);
    expect(await make('x', '../..')).toBe('statements/ccpcj/x.md');
    expect(readdirSync(folder).sort()).toEqual(['alliance.config.yaml', 'statements']);
  });

  it('asks for each field on a terminal, with defaults', async () => {
    const folder = project();
    const run = await withTerminal(['new'], folder, ['Victims first', '', '34', 'Ana Pérez', '5', '2025-05-19', '']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Forum (CCPCJ): ');
    expect(run.stdout).toContain('Language (en): ');
    const path = run.stdout.trim().split('\n').at(-1)!.split(': ').at(-1)!;
    expect(path).toBe('statements/ccpcj-34/victims-first.md');
    expect(readFileSync(join(folder, path), 'utf8')).toContain('speaker: Ana Pérez');
  });

  it('needs the flags without a terminal, and checks their values', async () => {
    const folder = project();
    const run = await runCli(['new', '--title', 'x'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Expected --forum, --session, --speaker (or a terminal to ask on), found none');
    const date = await runCli(['new', '--forum', 'CCPCJ', '--session', '1', '--speaker', 'A', '--date', '19/05/2025'], {
      cwd: folder,
    });
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('Expected `--date` to be a date `YYYY-MM-DD`');
  });

  it('says so, without waiting, when the statement template is a pipe', async () => {
    const folder = project();
    mkdirSync(join(folder, 'templates'), { recursive: true });
    spawnSync('mkfifo', [join(folder, 'templates/statement.md')]);
    const run = await runCli(['new', '--forum', 'CCPCJ', '--session', '1', '--speaker', 'A'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('statement.md:1:1: Expected a file, found something else (a pipe, socket or device)');
  });
});

describe('alliance list', () => {
  const project = tempProject({
    'statements/cop/a.md': GOOD.replace('forum: CCPCJ', 'forum: COP')
      .replace('session: "34"', 'session: "12"')
      .replace('speaker: Ana Pérez', 'speaker: Zoe\nstatus: final'),
    'statements/cop/b.md': GOOD.replace('forum: CCPCJ', 'forum: UNTOC COP')
      .replace('session: "34"', 'session: "12"')
      .replace('speaker: Ana Pérez', 'speaker: Bo\nstatus: draft'),
    'statements/ccpcj/c.md': GOOD.replace('Thank you, Chair.\n\n', '').replace(
      'speaker: Ana Pérez',
      'speaker: Al\nstatus: draft',
    ),
  });

  it('shows the inventory with totals per session', async () => {
    const run = await runCli(['list'], { cwd: project });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^File +Forum +Session +Item +Speaker +Status +Words +Time +Slot +Check$/);
    expect(lines[1]).toMatch(/^statements\/ccpcj\/c\.md +CCPCJ +34 +Al +draft +\d+ +0:\d\d +3:00 +✖ 1 error$/);
    expect(lines[2]).toMatch(/^statements\/cop\/a\.md +UNTOC COP +12 +Zoe +final +\d+ +0:\d\d +⚠ 1 warning$/);
    expect(run.stdout).toContain('UNTOC COP 12: 2 statements,');
    expect(run.stdout).toContain('CCPCJ 34: 1 statement,');
  });

  it('filters and sorts', async () => {
    const json = async (...args: string[]) =>
      JSON.parse((await runCli(['list', '--format', 'json', ...args], { cwd: project })).stdout);
    expect((await json('--forum', 'ctoc/cop')).statements.map((entry: { speaker: string }) => entry.speaker)).toEqual([
      'Zoe',
      'Bo',
    ]);
    expect(
      (await json('--forum', 'COP', '--sort', 'speaker')).statements.map((entry: { speaker: string }) => entry.speaker),
    ).toEqual(['Bo', 'Zoe']);
    expect(
      (await json('--status', 'draft', '--sort', 'speaker')).statements.map(
        (entry: { speaker: string }) => entry.speaker,
      ),
    ).toEqual(['Al', 'Bo']);
    expect((await json('--session', '34')).sessions).toEqual([
      { forum: 'CCPCJ', session: '34', statements: 1, words: expect.any(Number), seconds: expect.any(Number) },
    ]);
    const all = await json();
    expect(all.statements[0]).toMatchObject({ forum: 'CCPCJ', errors: 1, passes: false, slotSeconds: 180 });
  });

  it('writes CSV and Markdown', async () => {
    const csv = (await runCli(['list', '--format', 'csv', '--sort', 'file'], { cwd: project })).stdout;
    expect(csv.split('\r\n')[0]).toBe(
      'file,forum,session,agenda_item,speaker,status,words,seconds,slot_seconds,errors,warnings',
    );
    expect(csv.split('\r\n')[1]).toMatch(/^statements\/ccpcj\/c\.md,CCPCJ,34,,Al,draft,\d+,\d+,180,1,0$/);
    const markdown = (await runCli(['list', '--format', 'markdown'], { cwd: project })).stdout;
    expect(markdown).toContain('| File | Forum | Session | Item | Speaker | Status | Words | Time | Slot | Check |');
    expect(markdown).toContain('| UNTOC COP | 12 | 2 |');
  });
});

describe('shell completion and help', () => {
  it('prints bash and zsh scripts that the shells accept', async () => {
    for (const shell of ['bash', 'zsh']) {
      const run = await runCli(['completion', shell], { cwd: ROOT });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('--max-warnings');
      expect(run.stdout).toContain('stylish json github sarif');
      // The shell itself reads the script (.ci/run installs zsh): a missing shell fails the test, it does not pass it.
      const checker = spawnSync(shell, ['-n'], { input: run.stdout });
      expect(checker.error, `${shell} must be installed`).toBeUndefined();
      expect(checker.status, checker.stderr?.toString()).toBe(0);
    }
    expect((await runCli(['completion', 'fish'], { cwd: ROOT })).code).toBe(2);
  });

  it('describes every command and option, with examples', () => {
    const program = buildProgram(processIo(), { exitCode: 0 });
    for (const command of program.commands.filter((entry) => entry.name() !== 'help')) {
      expect(command.description(), command.name()).not.toBe('');
      expect(command.helpInformation(), command.name()).toBeTruthy();
      let after = '';
      command.configureOutput({ writeOut: (text) => (after += text), writeErr: () => undefined });
      command.outputHelp();
      expect(after, command.name()).toContain('Examples:');
      for (const option of command.options) expect(option.description, `${command.name()} ${option.long}`).not.toBe('');
    }
  });

  it('suggests the option meant', async () => {
    const run = await runCli(['build', '--speaker-cop'], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--speaker-copy');
  });
});

describe('messages that tell the author what to do', () => {
  it('new warns of a forum not in the registry, with the nearest one, and claims no words for a slot it does not know', async () => {
    const project = tempProject({});
    const run = await runCli(['new', '--forum', 'Crime Comission', '--session', '34', '--speaker', 'Ana'], {
      cwd: project,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('alliance: warning: Unexpected forum `Crime Comission`, did you mean `CCPCJ`?');
    const written = readFileSync(join(project, run.stdout.trim()), 'utf8');
    expect(written).not.toMatch(/words fit the slot/);
    expect(written).toContain('Write the statement here, one paragraph for each point.');
  });

  it('check suggests the forum a misspelled name or alias means', async () => {
    const project = tempProject({ 'statements/a.md': GOOD.replace('forum: CCPCJ', 'forum: Crime Comission') });
    const run = await runCli(['check'], { cwd: project });
    expect(run.stdout).toContain('Unexpected forum `Crime Comission`, did you mean `CCPCJ` (Crime Commission)?');
  });

  it('suggests a closing in the statement’s language', async () => {
    const project = tempProject({
      'statements/a.md': GOOD.replace('language', 'x')
        .replace('organization: Alliance of NGOs', 'organization: Alliance of NGOs\nlanguage: fr')
        .replace('Thank you, Chair.', 'Monsieur le Président,')
        .replace('Thank you.\n', 'Nous appelons les États à agir.\n'),
    });
    const run = await runCli(['check'], { cwd: project });
    expect(run.stdout).toContain('such as `Je vous remercie.`');
  });
});

describe('the organization in every language', () => {
  const CONFIG =
    'organization:\n  name: Alliance of NGOs\n  names: { fr: Alliance des ONG, es: Alianza de ONG }\nlanguage: en\n';

  it('new writes its name in the statement’s language', async () => {
    const folder = tempProject({ 'alliance.config.yaml': CONFIG });
    const french = await runCli(['new', '--forum', 'CCPCJ', '--session', '34', '--speaker', 'A', '--language', 'fr'], {
      cwd: folder,
    });
    const text = readFileSync(join(folder, french.stdout.trim()), 'utf8');
    expect(text).toContain('organization: Alliance des ONG\n');
    expect(text).toContain('Alliance des ONG vous remercie de lui donner la parole.');
    const russian = await runCli(['new', '--forum', 'CCPCJ', '--session', '34', '--speaker', 'A', '--language', 'ru'], {
      cwd: folder,
    });
    // No Russian name given: the name as it is.
    expect(readFileSync(join(folder, russian.stdout.trim()), 'utf8')).toContain('organization: Alliance of NGOs\n');
  });

  it('counts any of its names as naming it, and says which key to fill when none is found', async () => {
    const french = (organization: string, body: string) =>
      `---\nforum: CCPCJ\nsession: "34"\nspeaker: Ana\norganization: ${organization}\nlanguage: fr\n---\n\nMonsieur le Président,\n\n${body}\n\nJe vous remercie.\n`;
    const folder = tempProject({
      'alliance.config.yaml': CONFIG,
      // Made before the names were given: the front matter in English, the text in French.
      'statements/a.md': french('Alliance of NGOs', 'L’Alliance des ONG vous remercie de lui donner la parole.'),
      'statements/b.md': french('Alliance of NGOs', 'L’Alliance des organisations vous remercie.'),
    });
    const run = await runCli(['check', '--format', 'json'], { cwd: folder });
    const byFile = new Map(
      (JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[]).map(
        (entry) => [entry.filePath.split('/').at(-1), entry.messages],
      ),
    );
    expect(byFile.get('a.md')).toEqual([]);
    expect(byFile.get('b.md')!.map((message) => message.message)).toEqual([
      "Expected the first two paragraphs to name the organization (`Alliance of NGOs`), found it in neither: if they name it in the statement's language, give that name as `organization.names.fr` in the config",
    ]);
  });
});
