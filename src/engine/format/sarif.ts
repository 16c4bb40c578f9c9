/**
 * SARIF 2.1.0, the format code scanning tools read (GitHub code scanning, Azure DevOps, VS Code's SARIF
 * viewer): one run, the rules with their help text and documentation URL, each message a result with
 * its place in the statement and its repairs (`fixes`: the fix, then the suggestions).
 */
import { pathToFileURL } from 'node:url';
import type { VFileMessage } from 'vfile-message';
import type { Edit, Suggestion } from '../../model/edit.js';
import { HOMEPAGE, VERSION } from '../io/version.js';
import { relativePath } from './paths.js';
import { safeJson } from './text.js';
import type { MessagesInput } from './view.js';

/** Formats results as a SARIF 2.1.0 log. */
export function sarif({ results, cwd, rules }: MessagesInput): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Each segment of the path percent-encoded: `#`, `?` and `%` in a file name are part of the name.
  const artifacts = results.map((result) => ({
    location: {
      uri: relativePath(result.path, cwd).split('/').map(encodeURIComponent).join('/'),
      uriBaseId: '%SRCROOT%',
    },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'alliance',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: HOMEPAGE,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_, __, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.summary },
              fullDescription: {
                text: `${rule.summary}.${rule.deliveryOnly ? ' Skipped for written statements.' : ''}`,
              },
              helpUri: rule.url,
              help: {
                text: `${rule.summary}. See ${rule.url}`,
                markdown: `${rule.summary}. See [${rule.id}](${rule.url}).`,
              },
              defaultConfiguration: { level: rule.severity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: results.flatMap((result, artifactIndex) =>
          result.messages.map((message) => {
            const end = message.place && 'end' in message.place ? message.place.end : undefined;
            const index = ruleIndex.get(message.ruleId ?? '');
            return {
              ruleId: message.ruleId ?? 'alliance',
              ...(index === undefined ? {} : { ruleIndex: index }),
              level: message.fatal ? 'error' : 'warning',
              message: { text: message.reason },
              ...sarifFixes(message, artifacts[artifactIndex]!.location, artifactIndex),
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { ...artifacts[artifactIndex]!.location, index: artifactIndex },
                    region: {
                      startLine: message.line ?? 1,
                      startColumn: message.column ?? 1,
                      ...(end ? { endLine: end.line, endColumn: end.column } : {}),
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
  return safeJson(log);
}

/** A message's fix and suggestions as SARIF `fixes`: replacements of character ranges of the file. */
function sarifFixes(
  message: VFileMessage & { fix?: Edit; suggestions?: Suggestion[] },
  location: object,
  index: number,
): { fixes?: object[] } {
  const repairs = [...(message.fix ? [{ description: 'Fix', edit: message.fix }] : []), ...(message.suggestions ?? [])];
  if (repairs.length === 0) return {};
  return {
    fixes: repairs.map(({ description, edit }) => ({
      description: { text: description },
      artifactChanges: [
        {
          artifactLocation: { ...location, index },
          replacements: [
            {
              deletedRegion: { charOffset: edit.range[0], charLength: edit.range[1] - edit.range[0] },
              insertedContent: { text: edit.text },
            },
          ],
        },
      ],
    })),
  };
}
