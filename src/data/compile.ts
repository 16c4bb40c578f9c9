/**
 * Run by `npm run build` after the data files are copied to lib/data: writes a JSON twin beside each
 * YAML file, which `loadData` reads instead (JSON.parse is several times faster than a YAML parser,
 * and every command loads these files at start). The YAML stays the source that people edit.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const folder = fileURLToPath(new URL('./', import.meta.url));
for (const name of readdirSync(folder, { recursive: true }).map(String)) {
  if (!name.endsWith('.yaml')) continue;
  const value: unknown = parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'), {
    version: '1.2',
    schema: 'core',
  });
  writeFileSync(new URL(`./${name.slice(0, -'.yaml'.length)}.json`, import.meta.url), JSON.stringify(value));
}
