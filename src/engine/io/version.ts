/** The tool's own identity, from its package.json: version (part of every cache key) and home page. */
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
  homepage?: string;
  repository?: { url?: string };
};

/** The version of alliance, as package.json gives it. */
export const VERSION: string = manifest.version;

/** Where alliance is documented (its README). */
export const HOMEPAGE: string = manifest.homepage ?? 'https://www.npmjs.com/package/alliance';

/**
 * Where a project of statements installs this very version from: the tool's own git repository at
 * its release tag (`github:ngo-alliance/alliance#v0.1.0`), a source nobody else can publish under,
 * unlike a name on the public registry that nobody has claimed.
 */
export const TOOL_SOURCE: string = (() => {
  const repository =
    /github\.com[/:]([^/]+\/[^/.]+)/.exec(manifest.repository?.url ?? '')?.[1] ?? 'ngo-alliance/alliance';
  return `github:${repository}#v${manifest.version}`;
})();

/** The documentation of a rule: its anchor in the README. */
export function ruleUrl(ruleId: string): string {
  return `${HOMEPAGE.replace(/#.*$/, '')}#${ruleId}`;
}
