/** The config file: found upward, data only, and a wrong one is exit 2 with its file, line and column. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { GOOD, tempProject } from './helpers/statements.js';

describe('the config file', () => {
  it('is found from the working directory upward, and its statements are the default', async () => {
    const project = tempProject({
      'alliance.config.yaml': 'organization: Alliance of NGOs\nrules:\n  closing: off\n',
      'statements/a.md': GOOD.replace('\nThank you.\n', '\nWe ask for action.\n'),
      'statements/sub/b.md': GOOD,
    });
    const run = await runCli(['check'], { cwd: join(project, 'statements/sub') });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2 files checked, no problems');
  });

  it('sets severities: a warning made an error fails the run', async () => {
    const text = GOOD.replace('The Alliance of NGOs welcomes', 'We welcome');
    const warned = tempProject({ 'statements/a.md': text });
    expect((await runCli(['check'], { cwd: warned })).code).toBe(0);
    const strict = tempProject({
      'alliance.config.yaml': 'rules:\n  self-identification: error\n',
      'statements/a.md': text,
    });
    const run = await runCli(['check'], { cwd: strict });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/error\s+Expected the first two paragraphs to name the organization/);
  });

  it('accepts JSON', async () => {
    const project = tempProject({
      'alliance.config.json': '{ "organization": "Alliance of NGOs", "pace": 100 }',
      'statements/a.md': GOOD,
    });
    expect((await runCli(['check'], { cwd: project })).code).toBe(0);
  });

  it.each([
    [
      'an unknown setting',
      'organisation: X\n',
      '1:1',
      'Unexpected setting `organisation`, did you mean `organization`?',
    ],
    ['an unknown rule', 'rules:\n  closin: off\n', '2:3', 'Unexpected rule `closin`, did you mean `closing`?'],
    [
      'a bad severity',
      'rules:\n  closing: maybe\n',
      '2:12',
      'Expected the severity of `closing` to be `off`, `warn` or `error`, found `maybe`',
    ],
    ['a bad pace', 'pace: fast\n', '1:7', 'Expected `pace` to be words per minute'],
    [
      'a bad forum slot',
      'forums:\n  CCPCJ:\n    slot: soon\n',
      '3:11',
      'Expected `forums.CCPCJ.slot` to be a duration',
    ],
    ['invalid YAML', 'organization: [x\n', '2:1', 'Expected valid YAML or JSON'],
    ['a list', '- a\n', '1:1', 'Expected the config to be a mapping of settings, found a list'],
    ['an unknown language', 'language: de\n', '1:11', 'Expected `language` to be a language with phrase lists'],
    ['a setting named like an object built-in', 'constructor: 1\n', '1:1', 'Unexpected setting `constructor`'],
    [
      'a severity named like an object built-in',
      'rules:\n  closing: constructor\n',
      '2:12',
      'Expected the severity of `closing` to be `off`, `warn` or `error`, found `constructor`',
    ],
    [
      'a slot in units named like an object built-in',
      'forums:\n  CCPCJ:\n    slot: 3constructor\n',
      '3:11',
      'Expected `forums.CCPCJ.slot` to be a duration',
    ],
  ])('with %s is exit 2 naming the file, line and column', async (_name, config, place, reason) => {
    const project = tempProject({ 'alliance.config.yaml': config, 'statements/a.md': GOOD });
    const run = await runCli(['check'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`alliance.config.yaml:${place}: ${reason}`);
  });

  it('keeps the statements it names inside the project folder (a config can come with a pull request)', async () => {
    for (const pattern of ['/etc/**/*.md', '../**/*.md', 'statements/../../x.md', '~/notes/*.md']) {
      const project = tempProject({
        'alliance.config.yaml': `statements:\n  - statements/**/*.md\n  - "${pattern}"\n`,
        'statements/a.md': GOOD,
      });
      const run = await runCli(['check'], { cwd: project });
      expect(run.code, pattern).toBe(2);
      expect(run.stderr).toContain(
        `alliance.config.yaml:2:3: Expected \`statements\` to hold globs inside the project folder, found \`${pattern}\``,
      );
    }
    const fine = tempProject({
      'alliance.config.yaml': 'statements: ["statements/**/*.md", "drafts/*.md"]\n',
      'drafts/b.md': GOOD,
    });
    expect((await runCli(['check'], { cwd: fine })).stdout).toContain('1 file checked, no problems');
  });

  it('is refused when a folder holds two', async () => {
    const project = tempProject({ 'alliance.config.yaml': '', 'alliance.config.json': '{}', 'statements/a.md': GOOD });
    const run = await runCli(['check'], { cwd: project });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Expected one config file');
  });

  it('can be named with --config', async () => {
    const project = tempProject({
      'other.yaml': 'rules:\n  closing: off\n',
      'statements/a.md': GOOD.replace('\nThank you.\n', '\nAct now.\n'),
    });
    expect((await runCli(['check'], { cwd: project })).code).toBe(1);
    expect((await runCli(['check', '--config', 'other.yaml'], { cwd: project })).code).toBe(0);
  });
});
