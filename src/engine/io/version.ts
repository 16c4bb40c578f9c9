/** The tool's own identity, from its package.json: version (part of every cache key) and home page. */
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage?: string;
};

/** The version of alliance, as package.json gives it. */
export const VERSION: string = manifest.version;

/** Where alliance is documented (its README). */
export const HOMEPAGE: string = manifest.homepage ?? 'https://www.npmjs.com/package/alliance';

/** The documentation of a rule: its anchor in the README. */
export function ruleUrl(ruleId: string): string {
  return `${HOMEPAGE.replace(/#.*$/, '')}#${ruleId}`;
}
