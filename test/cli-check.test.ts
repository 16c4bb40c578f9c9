/** `alliance check` as a user runs it: formats, exit codes, options, bad paths, colours, cache. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

const ROOT = resolve(import.meta.dirname, '..');
// The machine's secret that signs caches lives here for these tests, not in the user's home.
process.env.XDG_CACHE_HOME = mkdtempSync(join(tmpdir(), 'alliance-secret-'));
const DEFAULT_CACHE = 'node_modules/.cache/alliance/check-cache.json';

/** Rewrites a cache file as this machine signs it (what only the tool itself can do). */
function writeSignedCache(path: string, stored: { key: string; files: unknown }): void {
  const secret = readFileSync(join(process.env.XDG_CACHE_HOME!, 'alliance', 'cache-secret'));
  const signature = createHmac('sha256', secret)
    .update(stored.key)
    .update('\0')
    .update(JSON.stringify(stored.files))
    .digest('hex');
  writeFileSync(path, JSON.stringify({ key: stored.key, files: stored.files, signature }));
}
const NO_ADDRESS = GOOD.replace('Thank you, Chair.\n\n', '');
const WARNING_ONLY = GOOD.replace('The Alliance of NGOs welcomes', 'We welcome');

/** The messages of a JSON report by file name, as `rule-id: message`. */
function byFile(run: { stdout: string }): Record<string, string[]> {
  const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
  return Object.fromEntries(
    results.map((result) => [
      result.filePath.split('/').pop()!,
      result.messages.map((message) => `${message.ruleId}: ${message.message}`),
    ]),
  );
}

describe('alliance check on the example statements', () => {
  it('passes on statements/: the two statements and their French and Spanish versions', async () => {
    const run = await runCli(['check'], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('6 files checked, no problems');
  });

  it('reports opening-address on the seeds as they were written', async () => {
    const run = await runCli(['check', 'test/fixtures/seeds', '--format', 'json'], { cwd: ROOT });
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(results).toHaveLength(2);
    for (const result of results) expect(result.messages.map((message) => message.ruleId)).toEqual(['opening-address']);
  });
});

describe('reports', () => {
  const project = tempProject({
    'statements/bad.md': NO_ADDRESS,
    'statements/good.md': GOOD,
    'statements/warn.md': WARNING_ONLY,
  });

  it('stylish: grouped by file, line:col severity message rule, and a summary', async () => {
    const run = await runCli(['check'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('statements/bad.md\n  8:1  error  ');
    expect(run.stdout).toMatch(
      /8:1 {2}error {4}Expected the opening to address the presiding officer .* {2}opening-address/,
    );
    expect(run.stdout).toContain('statements/warn.md\n  8:1  warning  Expected the first two paragraphs');
    expect(run.stdout).not.toContain('good.md');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('✖ 2 problems (1 error, 1 warning) in 3 files checked');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it("json: ESLint's shape, one entry per file, on stdout alone", async () => {
    const run = await runCli(['check', '--format', 'json'], { cwd: project });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout);
    expect(results.map((result: { filePath: string }) => result.filePath)).toEqual(
      ['bad.md', 'good.md', 'warn.md'].map((name) => join(project, 'statements', name)),
    );
    expect(results[0]).toMatchObject({ errorCount: 1, warningCount: 0, fatalErrorCount: 0 });
    expect(results[0].messages[0]).toEqual({
      ruleId: 'opening-address',
      severity: 2,
      message: expect.stringContaining('Expected the opening'),
      line: 8,
      column: 1,
      endLine: 8,
      endColumn: 1,
      // ESLint's shape of a suggestion: an opening in the statement's language, inserted before the first paragraph.
      suggestions: [
        {
          desc: 'Open with `Madam Chair,`',
          fix: { range: [expect.any(Number), expect.any(Number)], text: 'Madam Chair,\n\n' },
        },
      ],
    });
    expect(results[1]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
    expect(results[2].messages[0]).toMatchObject({ ruleId: 'self-identification', severity: 1 });
  });

  it('github: escaped workflow commands and a step summary', async () => {
    const summary = join(tempProject(), 'summary.md');
    writeFileSync(summary, '');
    const tricky = tempProject({ 'statements/a,b:c%.md': GOOD.replace('Thank you.\n', 'Done: 100% | yes\n') });
    const run = await runCli(['check', '--format', 'github'], { cwd: tricky, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error file=statements/a%2Cb%3Ac%25.md,line=12,col=17,title=closing::Expected the statement to end with a closing formula such as `Thank you.`, found `Done: 100% | yes`'.replace(
        '100%',
        '100%25',
      ),
    );
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('### alliance check: 1 error, 0 warnings in 1 file checked');
    expect(table).toContain(
      '| `statements/a,b:c%.md` | 12:17 | error | `closing` | Expected the statement to end with a closing formula such as \\`Thank you\\.\\`\\, found \\`Done\\: 100\\% \\| yes\\` |',
    );
  });

  it('github: a step summary that cannot be written is a warning; the annotations and exit code stand', async () => {
    const folder = tempProject();
    const run = await runCli(['check', '--format', 'github'], { cwd: project, env: { GITHUB_STEP_SUMMARY: folder } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=statements\//m);
    expect(run.stdout).toContain(
      `::warning title=alliance::Expected to write the step summary to ${folder}, found an error: EISDIR`,
    );
  });

  it('--quiet reports errors only', async () => {
    const run = await runCli(['check', '--quiet', '--format', 'json'], { cwd: project });
    const results = JSON.parse(run.stdout);
    expect(results.flatMap((result: { messages: unknown[] }) => result.messages)).toHaveLength(1);
  });

  it('--max-warnings fails the run on too many warnings', async () => {
    const warned = tempProject({ 'statements/warn.md': WARNING_ONLY });
    expect((await runCli(['check'], { cwd: warned })).code).toBe(0);
    expect((await runCli(['check', '--max-warnings', '1'], { cwd: warned })).code).toBe(0);
    const run = await runCli(['check', '--max-warnings', '0'], { cwd: warned });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('alliance: 1 warning, more than --max-warnings 0');
  });

  it('colours with FORCE_COLOR or --color, not with NO_COLOR or --no-color', async () => {
    const hasColour = (run: { stdout: string }) => run.stdout.includes('\u001b[');
    expect(hasColour(await runCli(['check'], { cwd: project, env: { FORCE_COLOR: '1' } }))).toBe(true);
    expect(hasColour(await runCli(['check', '--color'], { cwd: project }))).toBe(true);
    expect(hasColour(await runCli(['check'], { cwd: project, tty: true }))).toBe(true);
    expect(hasColour(await runCli(['check'], { cwd: project, tty: true, env: { NO_COLOR: '1' } }))).toBe(false);
    expect(hasColour(await runCli(['check', '--no-color'], { cwd: project, env: { FORCE_COLOR: '1' } }))).toBe(false);
  });
});

describe('paths and usage', () => {
  const project = tempProject({ 'statements/a.md': GOOD, 'statements/sub/b.md': GOOD, 'other/c.md': GOOD });

  it('takes files, folders and globs', async () => {
    const count = async (...args: string[]) =>
      JSON.parse((await runCli(['check', '--format', 'json', ...args], { cwd: project })).stdout).length;
    expect(await count('statements/a.md')).toBe(1);
    expect(await count('statements')).toBe(2);
    expect(await count('**/*.md')).toBe(3);
    expect(await count('other', 'statements/sub/*.md', 'statements/sub/b.md')).toBe(2);
  });

  it('exits 2 on a path that matches nothing, unless told not to', async () => {
    const run = await runCli(['check', 'nothing-here.md'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Expected files matching `nothing-here.md`, found none');
    expect(
      (
        await runCli(['check', 'nothing-here.md', 'statements/a.md', '--no-error-on-unmatched-pattern'], {
          cwd: project,
        })
      ).code,
    ).toBe(0);
  });

  it('exits 2 on an unknown option, with a suggestion', async () => {
    const run = await runCli(['check', '--formt', 'json'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--formt'");
    expect(run.stderr).toContain('--format');
  });

  it('exits 2 on an unknown format or a bad --pace', async () => {
    expect((await runCli(['check', '--format', 'xml'], { cwd: project })).code).toBe(2);
    const pace = await runCli(['check', '--pace', 'fast'], { cwd: project });
    expect(pace.code).toBe(2);
    expect(pace.stderr).toContain('Expected `--pace` to be words per minute');
  });

  it('suggests a command for a misspelled one, and prints help and version', async () => {
    const run = await runCli(['chek'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(Did you mean check?)');
    const help = await runCli(['check', '--help'], { cwd: project });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--max-warnings');
    const version = await runCli(['--version'], { cwd: project });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('checks the other files when one cannot be read', async () => {
    const broken = tempProject({ 'statements/a.md': GOOD, 'statements/c.md': Buffer.from([0xff, 0xfe, 0]) });
    symlinkSync(join(broken, 'statements/gone.md'), join(broken, 'statements/b.md'));
    const run = await runCli(['check', 'statements/a.md', 'statements/b.md', 'statements/c.md', '--format', 'json'], {
      cwd: broken,
    });
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout);
    expect(
      results.map((result: { messages: { ruleId: string }[] }) => result.messages.map((message) => message.ruleId)),
    ).toEqual([[], ['read-error'], ['encoding']]);
  });

  it('never reads a pipe or a file far too large: each is one message, and the run ends', async () => {
    const hostile = tempProject({ 'statements/a.md': GOOD, 'statements/huge.md': '' });
    execFileSync('mkfifo', [join(hostile, 'statements/pipe.md')]);
    // Three gigabytes that take no room on disk: read, they would exhaust the memory.
    truncateSync(join(hostile, 'statements/huge.md'), 3 * 1024 ** 3);
    const all = await runCli(['check', '--format', 'json'], { cwd: hostile });
    expect(byFile(all)).toEqual({
      'a.md': [],
      'huge.md': ['markdown: Expected a statement of at most 64 KB, found 3,145,728 KB'],
    });
    // Given by name, the pipe is checked too, and reported, not waited on.
    const named = await runCli(['check', 'statements/pipe.md', '--format', 'json'], { cwd: hostile });
    expect(named.code).toBe(1);
    expect(byFile(named)).toEqual({
      'pipe.md': ['read-error: Expected a file, found something else (a pipe, socket or device)'],
    });
  });

  it('never follows a link out of the project: a statement linked to /etc/passwd is neither read nor printed', async () => {
    const hostile = tempProject({ 'statements/a.md': GOOD, 'statements/drafts/b.md': GOOD });
    const outside = tempProject({ 'secret.md': '---\nforum: secret-token-123\n---\n', 'deep/c.md': GOOD });
    symlinkSync('/etc/passwd', join(hostile, 'statements/passwd.md'));
    symlinkSync('/dev/zero', join(hostile, 'statements/zero.md'));
    symlinkSync(join(outside, 'secret.md'), join(hostile, 'statements/secret.md'));
    symlinkSync(outside, join(hostile, 'statements/elsewhere'));
    // A link that stays inside the project, named on the command line, is read.
    symlinkSync(join(hostile, 'statements/drafts/b.md'), join(hostile, 'statements/latest.md'));
    const all = await runCli(['check', '--format', 'json'], { cwd: hostile });
    expect(all.code).toBe(0);
    expect(Object.keys(byFile(all))).toEqual(['a.md', 'b.md']);
    const named = await runCli(
      [
        'check',
        'statements/passwd.md',
        'statements/zero.md',
        'statements/secret.md',
        'statements/latest.md',
        '--format',
        'json',
      ],
      { cwd: hostile },
    );
    expect(named.code).toBe(1);
    expect(byFile(named)).toEqual({
      'latest.md': [],
      'passwd.md': ['read-error: Expected a statement inside the project, found a link to `/etc/passwd` outside it'],
      'secret.md': [
        `read-error: Expected a statement inside the project, found a link to \`${realpathSync(join(outside, 'secret.md'))}\` outside it`,
      ],
      'zero.md': ['read-error: Expected a statement inside the project, found a link to `/dev/zero` outside it'],
    });
    expect(named.stdout).not.toContain('root:');
    expect(named.stdout).not.toContain('secret-token-123');
  });

  it('writes out the control characters of a statement instead of sending them to the terminal', async () => {
    // Escape sequences that would clear a line and print a fake success, and a right-to-left override.
    const project = tempProject({
      'statements/a.md': '\u001b[2K\u001b[1A\r\u001b[32m✔ 0 problems\u001b[0m\n',
      'statements/b.md': GOOD.replace('forum: CCPCJ', 'forum: "CC\u001b[8mPCJ\u202e"'),
    });
    const run = await runCli(['check'], { cwd: project });
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/); // eslint-disable-line no-control-regex -- what must not reach the terminal
    expect(run.stdout).toContain('found `\\u{1B}[2K\\u{1B}[1A \\u{1B}[32m✔ 0 proble…`');
    expect(run.stdout).toContain('Unexpected forum `CC\\u{1B}[8mPCJ\\u{202E}`');
    const list = await runCli(['list'], { cwd: project });
    expect(list.stdout).not.toMatch(/[\u001b\u202e]/); // eslint-disable-line no-control-regex -- what must not reach the terminal
    expect(list.stdout).toContain('CC\\u{1B}[8mPCJ\\u{202E}');
  });

  it('ends with exit 2 and an internal-error line when a library throws where nothing can catch it', () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    // A throw from a timer, long after start, while --watch keeps the process alive.
    const late = `data:text/javascript,${encodeURIComponent("setTimeout(() => { throw new Error('thrown late'); }, 1500);")}`;
    const run = spawnSync(process.execPath, ['--import', late, join(ROOT, 'bin/alliance.js'), 'check', '--watch'], {
      cwd: project,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('alliance: internal error: Error: thrown late');
  });

  it('never waits on a cache or config file that is a pipe', async () => {
    const project = tempProject({ 'statements/a.md': GOOD });
    execFileSync('mkfifo', [join(project, 'cache.json'), join(project, 'pipe.yaml')]);
    const cached = await runCli(['check', '--cache', '--cache-location', 'cache.json'], { cwd: project });
    expect(cached.code).toBe(0);
    expect(cached.stdout).toContain('1 file checked, no problems');
    const config = await runCli(['check', '--config', 'pipe.yaml'], { cwd: project });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('pipe.yaml:1:1: Expected a file, found something else (a pipe, socket or device)');
    // Found by its name, a config that is a pipe is reported too, not passed over for one further up.
    execFileSync('mkfifo', [join(project, 'alliance.config.yaml')]);
    const found = await runCli(['check'], { cwd: project });
    expect(found.code).toBe(2);
    expect(found.stderr).toContain(
      'alliance.config.yaml:1:1: Expected a file, found something else (a pipe, socket or device)',
    );
  });
});

describe('--cache', () => {
  it('keeps the cache inside a folder named by --cache-location; a cache it cannot write is a warning, the check stands', async () => {
    const project = tempProject({
      'statements/a.md': GOOD,
      'statements/b.md': NO_ADDRESS,
      'caches/.keep': '',
      blocked: 'a file where a folder should be',
    });
    const inFolder = await runCli(['check', '--cache', '--cache-location', 'caches'], { cwd: project });
    expect(inFolder.code).toBe(1);
    expect(existsSync(join(project, 'caches/check-cache.json'))).toBe(true);
    const unwritable = await runCli(['check', '--cache', '--cache-location', 'blocked/cache'], { cwd: project });
    expect(unwritable.code).toBe(1);
    expect(unwritable.stdout).toContain('opening-address');
    expect(unwritable.stderr).toMatch(
      /^alliance: warning: could not write the cache at .*blocked\/cache: E(EXIST|NOTDIR)/m,
    );
  });

  it('reuses the results of unchanged files and rechecks changed ones', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'statements/b.md': NO_ADDRESS });
    const first = await runCli(['check', '--cache', '--format', 'json'], { cwd: project });
    const cacheFile = join(project, DEFAULT_CACHE);
    expect(existsSync(cacheFile)).toBe(true);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(Object.keys(stored.files)).toHaveLength(2);

    // An entry changed and signed again proves the second run reads the cache instead of checking again.
    const bPath = join(project, 'statements/b.md');
    stored.files[bPath].messages[0].reason = 'from the cache';
    writeSignedCache(cacheFile, stored);
    const second = await runCli(['check', '--cache', '--format', 'json'], { cwd: project });
    expect(JSON.parse(second.stdout)[1].messages[0].message).toBe('from the cache');
    expect(second.code).toBe(first.code);

    writeFileSync(bPath, GOOD);
    const third = await runCli(['check', '--cache', '--format', 'json'], { cwd: project });
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout)[1].messages).toEqual([]);
  });

  it('is not used under another config or flags', async () => {
    const project = tempProject({ 'statements/b.md': NO_ADDRESS });
    await runCli(['check', '--cache'], { cwd: project });
    const cacheFile = join(project, DEFAULT_CACHE);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const [path] = Object.keys(stored.files);
    stored.files[path!].messages[0].reason = 'from the cache';
    writeSignedCache(cacheFile, stored);
    const run = await runCli(['check', '--cache', '--pace', '100'], { cwd: project });
    expect(run.stdout).not.toContain('from the cache');
  });

  it('never lets a cache that came with the statements change a result (unsigned or signed elsewhere)', async () => {
    const project = tempProject({ 'statements/b.md': NO_ADDRESS });
    await runCli(['check', '--cache'], { cwd: project });
    const cacheFile = join(project, DEFAULT_CACHE);
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const [path] = Object.keys(stored.files);
    // A pull request commits a cache that says the statement with errors has none.
    stored.files[path!].messages = [];
    writeFileSync(cacheFile, JSON.stringify(stored));
    const forged = await runCli(['check', '--cache'], { cwd: project });
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('opening-address');
    const elsewhere = createHmac('sha256', Buffer.alloc(32, 7))
      .update(stored.key)
      .update('\0')
      .update(JSON.stringify(stored.files))
      .digest('hex');
    writeFileSync(cacheFile, JSON.stringify({ ...stored, signature: elsewhere }));
    const signedElsewhere = await runCli(['check', '--cache'], { cwd: project });
    expect(signedElsewhere.code).toBe(1);
    expect(signedElsewhere.stdout).toContain('opening-address');
  });

  it('ignores a corrupt cache file, and writes it where --cache-location says', async () => {
    const project = tempProject({ 'statements/a.md': GOOD, 'cache/alliance.json': '{not json' });
    const run = await runCli(['check', '--cache', '--cache-location', 'cache/alliance.json'], { cwd: project });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'cache/alliance.json'), 'utf8')).files).toBeDefined();
  });
});
