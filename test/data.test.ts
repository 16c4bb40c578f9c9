/**
 * The compiled package reads a JSON twin of each YAML data file (faster to parse at every start): the
 * twins say exactly what the YAML says, and the loader prefers them.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const LIB_DATA = resolve(import.meta.dirname, '../lib/data');
const SRC_DATA = resolve(import.meta.dirname, '../src/data');

describe('the compiled data files', () => {
  const yamlFiles = readdirSync(SRC_DATA, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.yaml'));

  it('carry a JSON twin of every YAML file, with the same content', () => {
    expect(yamlFiles.length).toBeGreaterThan(10);
    for (const name of yamlFiles) {
      const twin = JSON.parse(readFileSync(join(LIB_DATA, name.replace(/\.yaml$/, '.json')), 'utf8')) as unknown;
      expect(twin, name).toEqual(parse(readFileSync(join(SRC_DATA, name), 'utf8'), { version: '1.2', schema: 'core' }));
    }
  });

  it('are read from the twin by the compiled loader, and from the YAML where there is no twin', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'alliance-data-'));
    copyFileSync(join(LIB_DATA, 'load.js'), join(folder, 'load.js'));
    copyFileSync(join(LIB_DATA, 'libraries.js'), join(folder, 'libraries.js'));
    writeFileSync(join(folder, 'package.json'), '{"type":"module"}');
    writeFileSync(join(folder, 'twin.yaml'), 'source: yaml\n');
    writeFileSync(join(folder, 'twin.json'), '{"source":"json"}');
    writeFileSync(join(folder, 'alone.yaml'), 'source: yaml\n');
    const { loadData } = (await import(pathToFileURL(join(folder, 'load.js')).href)) as {
      loadData: (name: string) => unknown;
    };
    expect(loadData('twin.yaml')).toEqual({ source: 'json' });
    expect(loadData('alone.yaml')).toEqual({ source: 'yaml' });
  });
});
