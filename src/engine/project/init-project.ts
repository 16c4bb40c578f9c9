/**
 * `alliance init`: the files a project of statements starts with: the config file with its defaults
 * written out and commented, `statements/`, the templates to make its own, and a CI workflow. It never
 * overwrites: if one of its files is there, nothing is written.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from '../../data/libraries.js';
import { UsageError } from '../io/errors.js';
import { makeFolder } from '../io/folders.js';
import { BUILT_IN_TEMPLATES } from './templates.js';
import { HOMEPAGE, TOOL_SOURCE } from '../io/version.js';
import { createFileAtomicSync } from '../io/write-atomic.js';

/** What the project is set up with. */
export interface InitOptions {
  organization?: string;
  language: string;
  /** Where the project installs the tool from (default: this version's release in its git repository). */
  tool?: string;
}

/**
 * The project's package.json: the tool pinned to the version that wrote it, from a source that cannot
 * be taken over, so that `npm install` once (committing package-lock.json) and then `npm ci` in CI
 * give every run the same tool.
 */
export function packageText(dir: string, options: InitOptions): string {
  const name =
    (dir.split(/[\\/]/).filter(Boolean).at(-1) ?? 'statements')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'statements';
  const manifest = {
    name,
    private: true,
    description: 'Statements of the organization, checked, timed and handed out with alliance',
    scripts: { check: 'alliance check', time: 'alliance time', build: 'alliance build' },
    dependencies: { alliance: options.tool ?? TOOL_SOURCE },
    engines: { node: '>=20' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The config file, defaults written out and explained. */
export function configText(options: InitOptions): string {
  const organization = options.organization
    ? stringify({ organization: options.organization }).trim()
    : '# organization: Your organization   # named in every statement, printed on every handout';
  return `# yaml-language-server: $schema=./node_modules/alliance/lib/data/schemas/config.schema.json
# The configuration of alliance: ${HOMEPAGE.replace(/#.*$/, '')}#configuration
${organization}
# Other names that count as naming the organization in the opening, and its name in each language
# (\`alliance new\` writes it in the statement's language):
#   organization:
#     name: …
#     aliases: [the Alliance]
#     names: { fr: …, es: …, ar: …, zh: …, ru: … }

# Default language of statements: en, fr, es, ar, zh or ru.
language: ${options.language}

# Words per minute: one number is the pace in the language above; or per language, with \`default\`
# for the languages not named (defaults: en 110, fr 125, es 130, ar 95, ru 100; zh 160 characters).
# pace: 110
# pace: { en: 110, fr: 125, es: 130, default: 110 }

# The statements \`alliance check\`, \`time\`, \`list\` and \`build\` work on when given no path.
statements: statements/**/*.md

# Handouts: paper (A4 or Letter), the copies made (add \`speaker\` for the speaker's copy in large type),
# and the template in templates/.
# paper: A4
# copies: [handout, speaker]
# template: handout

# Written statements are capped at this many words.
# writtenWordCap: 1500

# Forums to add, or built-in ones to override (CCPCJ, CND, UNTOC COP, UNCAC CoSP, UNCAC IRG, AHC,
# Crime Congress, HRC).
# forums:
#   CCPCJ: { slot: 3m }
#   UNGA Third Committee: { aliases: [Third Committee], officer: chair, title: { en: Chair }, slot: 3m }

# How acronyms are said when timing: letters, word, or the words.
# pronunciations:
#   UNCAC: word

# The severity of each rule: off, warn or error.
# rules:
#   self-identification: warn
#   speaking-time-margin: warn
`;
}

/**
 * A GitHub Actions workflow that checks statements on every pull request and annotates it. The tool
 * comes from the project's own package.json and package-lock.json (`npm ci`, cached), never from a name
 * on the registry.
 */
export const WORKFLOW = `# Checks the statements on every change, annotating the pull request; builds the handouts on main.
# The tool is the one package.json pins (run \`npm install\` once and commit package-lock.json).
name: statements
on:
  pull_request:
    paths: ['statements/**', 'templates/**', 'alliance.config.yaml']
  push:
    branches: [main]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx alliance check --format github --max-warnings 0
      - run: npx alliance time
      - if: github.event_name == 'push'
        run: npx alliance build
      - if: github.event_name == 'push'
        uses: actions/upload-artifact@v4
        with:
          name: handouts
          path: dist/
`;

/** What `init` did: the files it wrote, those it kept as they were, and those it could not write. */
export interface InitResult {
  written: string[];
  kept: string[];
  problems: { path: string; reason: string }[];
}

/** What a project of statements keeps out of git: the handouts, which `alliance build` makes again. */
const GITIGNORE = `# Made by \`alliance build\` from the statements: built again, never committed.
dist/
node_modules/
`;

/**
 * Sets the project up in `dir`: each of its files written where none is, and never over anything that
 * is there (a file, a folder, a link, even one that leads nowhere), which is kept and named; a config
 * of another name (`alliance.config.json`) keeps the config from being written. A file that cannot be
 * written is a problem named with its reason, and the others are written still.
 */
export function initProject(dir: string, options: InitOptions): InitResult {
  const files: [string, () => string][] = [
    ['alliance.config.yaml', () => configText(options)],
    ['templates/handout.yaml', () => readFileSync(join(BUILT_IN_TEMPLATES, 'handout.yaml'), 'utf8')],
    ['templates/statement.md', () => readFileSync(join(BUILT_IN_TEMPLATES, 'statement.md'), 'utf8')],
    ['.github/workflows/statements.yml', () => WORKFLOW],
    ['package.json', () => packageText(dir, options)],
    ['.gitignore', () => GITIGNORE],
  ];
  const result: InitResult = { written: [], kept: [], problems: [] };
  const statements = join(dir, 'statements');
  if (isFolder(statements)) result.kept.push('statements/');
  else if (present(statements))
    result.problems.push({ path: 'statements/', reason: 'something that is not a folder is there; it is kept' });
  else {
    try {
      makeFolder(statements);
      result.written.push('statements/');
    } catch (error) {
      throw new UsageError(
        `Expected a folder that can be made at \`${dir}\`, found an error: \`${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\``,
      );
    }
  }
  const configs = ['alliance.config.yaml', 'alliance.config.yml', 'alliance.config.json'].filter((name) =>
    present(join(dir, name)),
  );
  for (const [path, text] of files) {
    const target = join(dir, path);
    if (present(target) || (path === 'alliance.config.yaml' && configs.length > 0)) {
      result.kept.push(present(target) ? path : configs[0]!);
      continue;
    }
    try {
      makeFolder(dirname(target));
      createFileAtomicSync(target, text());
      result.written.push(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      result.problems.push({
        path,
        reason:
          code === 'EEXIST'
            ? 'something was made there meanwhile; it is kept'
            : `it could not be written (\`${code ?? (error as Error).message}\`)`,
      });
    }
  }
  return result;
}

/** Whether anything is at `path`: a file, a folder, or a link, even one that leads nowhere. */
function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
