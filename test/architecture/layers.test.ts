/**
 * The layers, enforced: data flows one way (cli → preview | lsp → engine → rules | timing | render → model |
 * data), the CLI, the preview and the language server enter the engine only by its front door, inside the engine each room uses only the
 * rooms below it (format → run → build → check → load → project → io), and inside render each writer (pdf, docx, html)
 * uses only the handout model and the fonts, never another writer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of every source file, as paths under src/ (`engine/run/pool.ts`). */
const imports = sourceFiles(SRC).map((file) => {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:from\s+|import\s*\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) =>
    relative(SRC, resolve(dirname(file), match[1]!)).replace(/\.js$/, '.ts'),
  );
  return { file: relative(SRC, file), targets };
});

const LAYER_ORDER = ['cli', 'preview', 'lsp', 'engine', 'rules', 'render', 'timing', 'model', 'data', 'types'];
const layerOf = (path: string) => path.split('/')[0]!;
const ROOM_ORDER = ['format', 'run', 'build', 'check', 'load', 'project', 'io'];
const roomOf = (path: string) =>
  path.startsWith('engine/') && path.split('/').length > 2 ? path.split('/')[1]! : undefined;

/** What each layer may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  cli: ['engine', 'preview', 'lsp'],
  preview: ['engine'],
  lsp: ['engine'],
  engine: ['rules', 'render', 'timing', 'model', 'data'],
  rules: ['timing', 'model', 'data'],
  render: ['timing', 'model', 'data'],
  timing: ['model', 'data'],
  model: ['data'],
  data: [],
  types: [],
};

/** The rooms of render, and the rooms each may import besides itself. */
const RENDER_ROOMS: Record<string, readonly string[]> = {
  pdf: ['model', 'fonts'],
  docx: ['model', 'fonts'],
  html: ['model'],
  fonts: ['model'],
  model: [],
};
const renderRoomOf = (path: string) => (path.startsWith('render/') ? path.split('/')[1] : undefined);

describe('the layers', () => {
  it('finds the source files and their imports', () => {
    expect(
      LAYER_ORDER.every((layer) => imports.some((entry) => layerOf(entry.file) === layer || layer === 'types')),
    ).toBe(true);
    expect(imports.reduce((sum, entry) => sum + entry.targets.length, 0)).toBeGreaterThan(300);
  });

  it('run one way: no layer imports one above it', () => {
    const wrong = imports.flatMap(({ file, targets }) =>
      targets
        .filter((target) => layerOf(target) !== layerOf(file) && !ALLOWED[layerOf(file)]!.includes(layerOf(target)))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('let the CLI, the preview and the language server into the engine by its front door only', () => {
    const wrong = imports.flatMap(({ file, targets }) =>
      (layerOf(file) === 'cli' || layerOf(file) === 'preview' || layerOf(file) === 'lsp'
        ? targets.filter((target) => layerOf(target) === 'engine' && target !== 'engine/index.ts')
        : []
      ).map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it('keep each room of the engine on the rooms below it', () => {
    const wrong = imports.flatMap(({ file, targets }) => {
      const room = roomOf(file);
      if (room === undefined) return [];
      return targets
        .filter((target) => {
          const other = roomOf(target);
          return other !== undefined && ROOM_ORDER.indexOf(other) < ROOM_ORDER.indexOf(room);
        })
        .map((target) => `${file} → ${target}`);
    });
    expect(wrong).toEqual([]);
  });

  it('never import the front door from inside the engine: it is for callers, its types are in engine/types.ts', () => {
    const wrong = imports
      .filter(({ file }) => file.startsWith('engine/') && file !== 'engine/index.ts')
      .filter(({ targets }) => targets.includes('engine/index.ts'))
      .map(({ file }) => file);
    expect(wrong).toEqual([]);
  });

  it('keep render in its rooms: every file in one, each writer on the model and the fonts only', () => {
    const loose = imports.filter(({ file }) => file.startsWith('render/') && file.split('/').length !== 3);
    expect(loose.map(({ file }) => file)).toEqual([]);
    const wrong = imports.flatMap(({ file, targets }) => {
      const room = renderRoomOf(file);
      if (room === undefined) return [];
      return targets
        .filter((target) => {
          const other = renderRoomOf(target);
          return other !== undefined && other !== room && !RENDER_ROOMS[room]!.includes(other);
        })
        .map((target) => `${file} → ${target}`);
    });
    expect(Object.keys(RENDER_ROOMS).every((room) => imports.some(({ file }) => renderRoomOf(file) === room))).toBe(
      true,
    );
    expect(wrong).toEqual([]);
  });
});
