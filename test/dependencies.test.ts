/**
 * The register of libraries' internals (docs/dependencies.md) holds: every library it names is pinned
 * exactly in package.json at the version it was checked against, and that version is the one installed
 * (pdfkit's own fontkit included); every patch the code names is in the register, and every file the
 * register names exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { PATCHES } from '../src/data/patches.js';
import { xmpWriterFound } from '../src/render/pdf/metadata.js';

const ROOT = resolve(import.meta.dirname, '..');
const register = readFileSync(join(ROOT, 'docs/dependencies.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The rows of the table under `heading`, as arrays of cells. */
function table(heading: string): string[][] {
  const section = register.split(/^## /m).find((part) => part.startsWith(heading));
  if (section === undefined) throw new Error(`Expected a section "${heading}" in docs/dependencies.md, found none`);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** The version of `name` that `from` (a package folder) resolves to, by Node's lookup in node_modules folders upward. */
function installedVersion(name: string, from = ROOT): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const file = join(folder, 'node_modules', name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dirname(folder) === folder) return undefined;
  }
}

const pins = table('Pinned versions').map(([name, version]) => ({ name: name!, version: version! }));

describe('the register of libraries’ internals', () => {
  it('names the libraries alliance reaches into', () => {
    expect(pins.map((pin) => pin.name)).toEqual(
      expect.arrayContaining(['pdfkit', 'fontkit', 'harfbuzzjs', 'docx', 'commander', 'chalk']),
    );
  });

  it.each(pins)('pins $name exactly, at the version installed', ({ name, version }) => {
    const spec = manifest.dependencies[name] ?? manifest.devDependencies[name];
    expect(spec, `${name} in package.json`).toBe(version);
    expect(installedVersion(name), `${name} installed`).toBe(version);
  });

  it('finds pdfkit using the fontkit the register names', () => {
    const pdfkit = join(ROOT, 'node_modules/pdfkit');
    expect(installedVersion('fontkit', pdfkit)).toBe(pins.find((pin) => pin.name === 'fontkit')?.version);
  });

  it('lists every switchable patch, and every patch the bundles make', () => {
    const switchable = table('Switchable patches').map(([name]) => name!.replaceAll('`', ''));
    expect(switchable.sort()).toEqual([...PATCHES].sort());
    const bundled = table('Build-time patches').map(([name]) => name!.replaceAll('`', ''));
    const named = [
      ...readFileSync(join(ROOT, 'scripts/bundle-cli.mjs'), 'utf8').matchAll(/mustApply\(plugin, '([^']+)'/g),
    ];
    expect(named.length).toBeGreaterThan(0);
    for (const [, name] of named) expect(bundled).toContain(name);
  });

  it('finds the pdfkit internal the XMP metadata replaces', () => {
    // Without it, a title with `&` would make the metadata malformed again (src/render/pdf/metadata.ts).
    expect(xmpWriterFound(new PDFDocument({ autoFirstPage: false }))).toBe(true);
  });

  it('names files that exist', () => {
    const paths = [...register.matchAll(/`((?:src|scripts|test|docs)\/[^`]+\.(?:ts|mjs|md))`/g)].map(
      (match) => match[1]!,
    );
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });
});
