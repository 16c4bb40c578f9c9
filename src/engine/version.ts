/** The tool's own version, from its package.json (part of every cache key). */
import { readFileSync } from 'node:fs';

/** The version of alliance, as package.json gives it. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
