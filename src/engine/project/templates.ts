/**
 * Handout templates: `templates/<name>.yaml` in the project, over the built-in one shipped with
 * alliance, so a template may give only what it changes. A name can only reach a file inside a
 * `templates/` folder (no separators, real path checked), and the YAML is data, never code.
 */
import { fontFileProblem } from './font-check.js';
import { dictionary } from '../../model/own.js';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq } from '../../data/libraries.js';
import { parseProjectYaml } from './yaml-document.js';
import { describeValue, quote } from '../../model/describe.js';
import { didYouMean } from '../../model/suggest.js';
import { own } from '../../model/own.js';
import type { FontChoice, Template } from '../../render/model/template.js';
import { ConfigError } from '../io/errors.js';
import { MAX_YAML_FILE_BYTES, readProjectText } from '../io/read.js';

/** The templates folder shipped with alliance. */
export const BUILT_IN_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../templates');
const DEFAULT_NAME = 'handout';
const SHIPPED_FAMILIES = ['Noto Sans', 'Noto Serif', 'Noto Sans Mono'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Templates read in this process, with the sizes and dates of the files they were read from. */
const cache = new Map<string, { template: Template; signature: string }>();

/** The sizes and dates of files (`-` for one that is not there): what changes when one is edited. */
function signatureOf(files: readonly string[]): string {
  return files
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${stat.size}:${stat.mtimeMs}`;
      } catch {
        return '-';
      }
    })
    .join('|');
}

/**
 * The files of the project a template of `name` is or could be made of: its layers there (whether
 * they exist yet or not, so that adding one counts) and its font files.
 */
function projectSources(name: string, projectDir: string, template: Template): string[] {
  const layers = [join(projectDir, 'templates', `${DEFAULT_NAME}.yaml`), join(projectDir, 'templates', `${name}.yaml`)];
  const fonts = Object.values(template.fonts).flatMap((choice) =>
    'files' in choice ? Object.values(choice.files).filter((file): file is string => Boolean(file)) : [],
  );
  return [...new Set([...layers, ...fonts])];
}

/** Every file a template of `name` is or could be made of: the built-in layers, and the project's sources. */
function sourcesOf(name: string, projectDir: string, template: Template): string[] {
  return [
    join(BUILT_IN_TEMPLATES, `${DEFAULT_NAME}.yaml`),
    join(BUILT_IN_TEMPLATES, `${name}.yaml`),
    ...projectSources(name, projectDir, template),
  ];
}

/**
 * Loads the template `name` for a project whose folder is `projectDir`; throws a ConfigError when it is
 * wrong. Read once per process while its files stay as they are (a `--watch` build sees an edit).
 */
export function loadTemplate(name: string, projectDir: string): Template {
  const key = `${projectDir}\0${name}`;
  const cached = cache.get(key);
  if (cached && cached.signature === signatureOf(sourcesOf(name, projectDir, cached.template))) return cached.template;
  const template = readTemplate(name, projectDir);
  cache.set(key, { template, signature: signatureOf(sourcesOf(name, projectDir, template)) });
  return template;
}

/**
 * Every file a template depends on, for the build cache: the project's template files (whether they
 * exist yet or not, so that adding one rebuilds) and its font files.
 */
export function templateFiles(name: string, projectDir: string): string[] {
  return projectSources(name, projectDir, loadTemplate(name, projectDir));
}

function inside(folder: string, path: string): boolean {
  const real = realpathSync(path);
  const root = realpathSync(folder);
  return real.startsWith(root + sep);
}

function readTemplate(name: string, projectDir: string): Template {
  const base = join(BUILT_IN_TEMPLATES, `${DEFAULT_NAME}.yaml`);
  if (!NAME.test(name))
    throw new ConfigError(
      base,
      1,
      1,
      `Expected a template name of letters, digits, \`-\` and \`_\`, found ${quote(name)}`,
    );
  const projectFolder = join(projectDir, 'templates');
  const candidates = [join(projectFolder, `${name}.yaml`), join(BUILT_IN_TEMPLATES, `${name}.yaml`)];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new ConfigError(
      projectDir,
      1,
      1,
      `Expected the template ${quote(name)} at \`templates/${name}.yaml\`, found none`,
    );
  }
  const folder = path.startsWith(projectFolder) ? projectFolder : BUILT_IN_TEMPLATES;

  // Built-in look, then the project's `handout.yaml`, then the named template: each may give only what it changes.
  const projectDefault = join(projectFolder, `${DEFAULT_NAME}.yaml`);
  const layers = [base, ...(existsSync(projectDefault) ? [projectDefault] : []), path].filter(
    (file, index, all) => all.indexOf(file) === index,
  );
  const parsed = layers.map((file) => {
    if (file !== base && !inside(file.startsWith(projectFolder) ? projectFolder : BUILT_IN_TEMPLATES, file))
      throw new ConfigError(file, 1, 1, 'Expected the template to lie inside `templates/`, found a link out of it');
    return parseTemplateFile(file);
  });
  const merged = parsed.reduce<unknown>((data, layer) => merge(data, layer.data), {}) as Record<string, unknown>;
  const place = (key: string) =>
    [...parsed].reverse().find((layer) => Object.hasOwn(layer.places, key))?.places[key] ?? {
      file: path,
      line: 1,
      column: 1,
    };
  return resolveTemplate(name, path, merged, place, folder);
}

interface Parsed {
  data: Record<string, unknown>;
  places: Record<string, { file: string; line: number; column: number }>;
}

function parseTemplateFile(path: string): Parsed {
  const text = readProjectText(path, 'template', MAX_YAML_FILE_BYTES);
  const { document, lineCounter, fail } = parseProjectYaml(text, path);
  const error = document.errors[0];
  if (error) fail(error.pos[0], `Expected valid YAML, found an error: ${error.message}`);
  const places: Parsed['places'] = dictionary();
  const walk = (node: YamlNode | null, prefix: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = `${prefix}${isScalar(pair.key) ? String(pair.key.value) : String(pair.key)}`;
      const range = (pair.key as YamlNode | null)?.range;
      const { line, col } = lineCounter.linePos(range?.[0] ?? 0);
      places[key] = { file: path, line, column: col };
      walk(pair.value as YamlNode | null, `${key}.`);
    }
  };
  walk(document.contents, '');
  const data = document.toJS({ maxAliasCount: 100 }) as unknown;
  if (
    data !== null &&
    data !== undefined &&
    (typeof data !== 'object' || Array.isArray(data) || isSeq(document.contents))
  ) {
    throw new ConfigError(
      path,
      1,
      1,
      `Expected the template to be a mapping of settings, found ${describeValue(data)}`,
    );
  }
  return { data: (data ?? {}) as Record<string, unknown>, places };
}

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (
    base &&
    over &&
    typeof base === 'object' &&
    typeof over === 'object' &&
    !Array.isArray(base) &&
    !Array.isArray(over)
  ) {
    const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    // Defined, not assigned: a key `__proto__` stays a key (and is reported) instead of becoming the prototype.
    for (const [key, value] of Object.entries(over as Record<string, unknown>)) {
      Object.defineProperty(result, key, {
        value: merge(own(result, key), value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  return over;
}

type Place = (key: string) => { file: string; line: number; column: number };

/**
 * Why a font file of a template cannot be used, or undefined: it must parse as one TrueType or
 * OpenType font that lays out text. Checked when the template is loaded, so that a damaged file is a
 * template error naming it, not a failure of each handout. fontkit is loaded only here, for the rare
 * template with its own fonts, so that `check` never loads it.
 */
function fontProblem(path: string): string | undefined {
  let key: string;
  try {
    const stat = statSync(path);
    key = `${path}\0${stat.size}\0${stat.mtimeMs}`;
  } catch {
    return 'no file';
  }
  if (!checkedFonts.has(key)) checkedFonts.set(key, fontFileProblem(path));
  return checkedFonts.get(key);
}

/** Fonts checked in this process, by path, size and date: a template is loaded for each statement. */
const checkedFonts = new Map<string, string | undefined>();

const LENGTH = /^(\d+(?:\.\d+)?)\s*(pt|mm|cm|in)?$/;
const UNIT_POINTS: Record<string, number> = { pt: 1, mm: 72 / 25.4, cm: 72 / 2.54, in: 72 };
const COLOUR = /^#[0-9a-fA-F]{6}$/;
/** Type sizes a handout can use, in points. */
const MIN_SIZE = 4;
const MAX_SIZE = 96;
/** The smaller width and height of A4 and Letter, in points, and the least text room the margins must leave. */
const SMALLEST_PAGE = { width: 595, height: 792 };
const MIN_TEXT_ROOM = 144;
const round = (points: number) => Math.round(points * 10) / 10;
const TOP_KEYS = [
  'paper',
  'margins',
  'fonts',
  'sizes',
  'lineSpacing',
  'paragraphSpacing',
  'colours',
  'header',
  'labels',
  'speakerCopy',
];

function resolveTemplate(
  name: string,
  path: string,
  data: Record<string, unknown>,
  place: Place,
  folder: string,
): Template {
  const fail = (key: string, reason: string): never => {
    const at = place(key);
    throw new ConfigError(at.file, at.line, at.column, reason);
  };
  for (const key of Object.keys(data))
    if (!TOP_KEYS.includes(key)) fail(key, `Unexpected template setting ${quote(key)}${didYouMean(key, TOP_KEYS)}`);
  const section = (key: string) => {
    const value = data[key];
    if (!value || typeof value !== 'object' || Array.isArray(value))
      fail(key, `Expected \`${key}\` to be a mapping, found ${describeValue(value)}`);
    return value as Record<string, unknown>;
  };
  const length = (key: string, value: unknown): number => {
    const match = LENGTH.exec(String(value).trim());
    if ((typeof value !== 'number' && typeof value !== 'string') || !match)
      return fail(
        key,
        `Expected \`${key}\` to be a length such as \`11\`, \`25mm\` or \`1in\`, found ${describeValue(value)}`,
      );
    return Number(match[1]) * UNIT_POINTS[match[2] ?? 'pt']!;
  };
  const size = (key: string, value: unknown): number => {
    const points = length(key, value);
    if (points < MIN_SIZE || points > MAX_SIZE)
      fail(key, `Expected \`${key}\` to be from ${MIN_SIZE} to ${MAX_SIZE} pt, found ${quote(String(value))}`);
    return points;
  };
  const number = (key: string, value: unknown, min: number, max: number): number => {
    if (typeof value !== 'number' || value < min || value > max)
      return fail(key, `Expected \`${key}\` to be a number from ${min} to ${max}, found ${describeValue(value)}`);
    return value;
  };
  const colour = (key: string, value: unknown): string => {
    if (typeof value !== 'string' || !COLOUR.test(value))
      return fail(key, `Expected \`${key}\` to be a colour \`#rrggbb\`, found ${describeValue(value)}`);
    return value;
  };
  const lengths = <K extends string>(key: string, keys: readonly K[]) => {
    const values = section(key);
    const result = {} as Record<K, number>;
    for (const item of Object.keys(values))
      if (!keys.includes(item as K))
        fail(`${key}.${item}`, `Unexpected setting ${quote(`${key}.${item}`)}${didYouMean(item, keys)}`);
    for (const item of keys) result[item] = length(`${key}.${item}`, values[item]);
    return result;
  };
  const font = (key: string, value: unknown): FontChoice => {
    if (typeof value === 'string') {
      if (!SHIPPED_FAMILIES.includes(value))
        fail(
          key,
          `Expected \`${key}\` to be ${SHIPPED_FAMILIES.map((family) => `\`${family}\``).join(', ')} or TrueType files, found ${quote(value)}${didYouMean(value, SHIPPED_FAMILIES)}`,
        );
      return { family: value };
    }
    if (!value || typeof value !== 'object')
      return fail(key, `Expected \`${key}\` to be a font family or TrueType files, found ${describeValue(value)}`);
    const files: Record<string, string> = {};
    for (const [style, file] of Object.entries(value as Record<string, unknown>)) {
      if (!['regular', 'bold', 'italic', 'boldItalic', 'family'].includes(style))
        fail(`${key}.${style}`, `Unexpected font style ${quote(style)}`);
      if (style === 'family') continue;
      const absolute = resolve(folder, String(file));
      if (!existsSync(absolute) || !inside(folder, absolute))
        fail(`${key}.${style}`, `Expected a font file inside \`${folder}\`, found ${quote(String(file))}`);
      const problem = fontProblem(absolute);
      if (problem)
        fail(`${key}.${style}`, `Expected a TrueType or OpenType font at ${quote(String(file))}, found ${problem}`);
      files[style] = absolute;
    }
    if (!files.regular) fail(key, `Expected \`${key}.regular\`, found none`);
    const family =
      typeof (value as { family?: unknown }).family === 'string' ? String((value as { family: string }).family) : key;
    return { family, files: files as { regular: string } };
  };

  const paper = String(data.paper);
  if (paper !== 'A4' && paper !== 'Letter')
    fail('paper', `Expected \`paper\` to be \`A4\` or \`Letter\`, found ${describeValue(data.paper)}`);
  const fonts = section('fonts');
  const sizes = section('sizes');
  const colours = section('colours');
  const header = section('header');
  const speaker = section('speakerCopy');
  const headings = sizes.headings;
  if (!Array.isArray(headings) || headings.length === 0)
    fail('sizes.headings', `Expected \`sizes.headings\` to be a list of sizes, found ${describeValue(headings)}`);
  const lines = header.lines;
  if (!Array.isArray(lines) || lines.some((line) => typeof line !== 'string'))
    fail('header.lines', `Expected \`header.lines\` to be a list of text lines, found ${describeValue(lines)}`);
  const colourKeys = [
    'text',
    'accent',
    'muted',
    'link',
    'rule',
    'quoteBar',
    'codeBackground',
    'tableBorder',
    'tableHeader',
  ] as const;
  const resolvedColours = {} as Template['colours'];
  for (const key of colourKeys) resolvedColours[key] = colour(`colours.${key}`, colours[key]);
  const labels = section('labels') as Template['labels'];
  const margins = lengths('margins', ['top', 'bottom', 'left', 'right'] as const);
  // Room for text on the smaller of the two papers, whichever the config picks.
  if (margins.left + margins.right > SMALLEST_PAGE.width - MIN_TEXT_ROOM)
    fail(
      'margins',
      `Expected left and right margins that leave at least ${MIN_TEXT_ROOM} pt of text across, found ${round(margins.left + margins.right)} pt of ${SMALLEST_PAGE.width}`,
    );
  if (margins.top + margins.bottom > SMALLEST_PAGE.height - MIN_TEXT_ROOM)
    fail(
      'margins',
      `Expected top and bottom margins that leave at least ${MIN_TEXT_ROOM} pt of text down, found ${round(margins.top + margins.bottom)} pt of ${SMALLEST_PAGE.height}`,
    );
  const paragraphSpacing = length('paragraphSpacing', data.paragraphSpacing);
  if (paragraphSpacing > MAX_SIZE)
    fail(
      'paragraphSpacing',
      `Expected \`paragraphSpacing\` to be at most ${MAX_SIZE} pt, found ${quote(String(data.paragraphSpacing))}`,
    );

  return {
    name,
    path,
    paper: paper as Template['paper'],
    margins,
    fonts: {
      body: font('fonts.body', fonts.body),
      headings: font('fonts.headings', fonts.headings),
      code: font('fonts.code', fonts.code),
    },
    sizes: {
      body: size('sizes.body', sizes.body),
      title: size('sizes.title', sizes.title),
      subtitle: size('sizes.subtitle', sizes.subtitle),
      headings: (headings as unknown[]).map((value, index) => size(`sizes.headings.${index}`, value)),
      header: size('sizes.header', sizes.header),
      footer: size('sizes.footer', sizes.footer),
      code: size('sizes.code', sizes.code),
      notes: size('sizes.notes', sizes.notes),
    },
    lineSpacing: number('lineSpacing', data.lineSpacing, 1, 3),
    paragraphSpacing,
    colours: resolvedColours,
    header: { lines: lines as string[] },
    labels,
    speakerCopy: {
      size: number('speakerCopy.size', speaker.size, 16, 40),
      lineSpacing: number('speakerCopy.lineSpacing', speaker.lineSpacing, 1.5, 3),
      timeColour: colour('speakerCopy.timeColour', speaker.timeColour),
      slotColour: colour('speakerCopy.slotColour', speaker.slotColour),
    },
  };
}
