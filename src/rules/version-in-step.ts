/**
 * `version-in-step` (error): a language version of a statement (`victims.fr.md` beside `victims.md`,
 * or `version_of:` in its front matter) says what its source says: made from the source as it is now
 * (`source_hash`), with a paragraph for each of the source's, the same figures in each (compared as
 * values, in each language's way of writing them: `1,250,000` = `1 250 000`, `12.5%` = `12,5 %`, `2
 * million` = `2 millions`), the same UN document symbols, addresses and e-mail addresses, and the same
 * forum, session, agenda item, date, speaker, organization, slot and mark.
 *
 * Why: a figure that differs between the versions is the error that embarrasses an organization most,
 * and a version made the day before falls behind when the source changes. Paragraphs are aligned by
 * length (Gale and Church, with each language's length ratio), anchored on figures; each version is
 * timed at its own pace against the same slot by `speaking-time`. Figures spelled out in words are not
 * compared. Options: none.
 */
import type { LanguageRecord } from '../model/language.js';
import type { SpokenParagraph, Statement } from '../model/statement.js';
import { defineRule, type Report } from './define-rule.js';
import { alignParagraphs } from './support/align.js';
import { figureKey, figuresIn } from './support/figures.js';
import { fieldValueRange, placesIn } from './support/offsets.js';

/** Front matter fields that must agree between versions. */
const SHARED = ['forum', 'session', 'agenda_item', 'date', 'speaker', 'organization', 'slot', 'mark'] as const;
/** UN document symbols, web and e-mail addresses: the same in every language. */
const TOKENS =
  /\b[A-Z][A-Z0-9]*(?:\/[A-Za-z0-9][A-Za-z0-9.-]*)+|(?:https?:\/\/|www\.)[^\s)]+[^\s).,;:!?]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Text with its symbols and addresses blanked out: their figures are compared as symbols, not as figures. */
function withoutTokens(text: string): string {
  return text.replace(TOKENS, ' ');
}

/** A short hash of a paragraph's text (FNV-1a, 32 bits): enough to see that it changed. */
function paragraphHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The `source_hash` of a source: the hash of each of its spoken paragraphs, joined by dots. */
export function sourceHash(source: Statement): string {
  return source.paragraphs.map((paragraph) => paragraphHash(paragraph.text)).join('.');
}

/** The start of a paragraph's text, for a message. */
function opening(paragraph: SpokenParagraph): string {
  const words = paragraph.text.split(' ');
  return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : paragraph.text;
}

/** Counts of each key in a list. */
function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/** The keys of `a` missing from `b`, with how often, each once. */
function missing(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...a].filter(([key, count]) => (b.get(key) ?? 0) < count).map(([key]) => key);
}

/** A front matter value as compared: its text, trimmed and in lower case, or the typed value. */
function shared(statement: Statement, name: (typeof SHARED)[number]): string | undefined {
  const { fields, data } = statement.frontMatter;
  if (name === 'slot') return fields.slotSeconds === undefined ? undefined : String(fields.slotSeconds);
  if (name === 'forum') return statement.settings.forum?.id ?? fields.forum?.toLowerCase();
  const value = data[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase() : undefined;
}

/** A field's value as the file writes it, where it is text or a number. */
function written(statement: Statement, name: string): string | undefined {
  const value = statement.frontMatter.data[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export default defineRule({
  id: 'version-in-step',
  severity: 'error',
  summary: 'A language version says what its source says: same paragraphs, figures, symbols and key fields',
  check(statement, report: Report) {
    const link = statement.version;
    if (!link) return;
    const { positions } = statement.frontMatter;
    if (link.problem !== undefined || !link.source) {
      report(
        `Expected the source of this version to be readable, found: ${link.problem ?? 'nothing'}`,
        positions.get('version_of'),
      );
      return;
    }
    const source = link.source;
    const name = link.sourcePath.split(/[\\/]/).pop()!;
    checkHash(statement, source, name, report);
    for (const field of SHARED) {
      const [ours, theirs] = [shared(statement, field), shared(source, field)];
      if (ours === theirs || ours === undefined || theirs === undefined) continue;
      report(
        `Expected \`${field}\` as in the source (\`${name}\`): \`${written(source, field) ?? theirs}\`, found \`${written(statement, field) ?? ours}\``,
        positions.get(field),
      );
    }
    const [from, to] = [source.settings.languageRecord, statement.settings.languageRecord];
    const ratio = (to.versions?.lengthRatio ?? 1) / (from.versions?.lengthRatio ?? 1);
    const keys = (paragraph: SpokenParagraph, record: LanguageRecord) =>
      figuresIn(withoutTokens(paragraph.text), record).map(figureKey).sort().join(' ');
    const sourceKeys = source.paragraphs.map((paragraph) => keys(paragraph, from));
    const versionKeys = statement.paragraphs.map((paragraph) => keys(paragraph, to));
    const steps = alignParagraphs(
      source.paragraphs.map((paragraph) => paragraph.text.length),
      statement.paragraphs.map((paragraph) => paragraph.text.length),
      ratio,
      (i, j) => sourceKeys[i] !== '' && sourceKeys[i] === versionKeys[j],
    );
    let nextPlace = statement.paragraphs[0]?.span.start;
    for (const step of steps) {
      const ours = step.version.map((index) => statement.paragraphs[index]!);
      const theirs = step.source.map((index) => source.paragraphs[index]!);
      if (ours.length > 0) nextPlace = ours[ours.length - 1]!.span.end;
      const line = theirs[0] ? ` (line ${theirs[0].span.start.line})` : '';
      if (ours.length === 0) {
        report(
          `Expected a paragraph for the source's paragraph at line ${theirs[0]!.span.start.line} (\`${opening(theirs[0]!)}\`), found none`,
          nextPlace,
        );
        continue;
      }
      if (theirs.length === 0) {
        report(`Unexpected paragraph: the source (\`${name}\`) has none for it`, ours[0]!.span.start);
        continue;
      }
      const at = ours[0]!.span.start;
      const figures = (list: SpokenParagraph[], record: LanguageRecord) =>
        list.flatMap((paragraph) => figuresIn(withoutTokens(paragraph.text), record));
      const [sourceFigures, versionFigures] = [figures(theirs, from), figures(ours, to)];
      const [a, b] = [tally(sourceFigures.map(figureKey)), tally(versionFigures.map(figureKey))];
      const written = (list: typeof sourceFigures, key: string) =>
        list.find((figure) => figureKey(figure) === key)!.written;
      for (const key of missing(a, b))
        report(
          `Expected the figure \`${written(sourceFigures, key)}\` of the source's paragraph${line}, found it nowhere in this one`,
          at,
        );
      for (const key of missing(b, a))
        report(
          `Unexpected figure \`${written(versionFigures, key)}\`: the source's paragraph${line} has no such figure`,
          at,
        );
      const tokens = (list: SpokenParagraph[]) =>
        // A symbol at the end of a sentence keeps its full stop out (`A/CN.15/2024/5.`).
        tally(
          list.flatMap((paragraph) =>
            (paragraph.text.match(TOKENS) ?? []).map((token) => token.replace(/[.,;:]+$/, '')),
          ),
        );
      const [sourceTokens, versionTokens] = [tokens(theirs), tokens(ours)];
      for (const token of missing(sourceTokens, versionTokens))
        report(`Expected \`${token}\` as in the source's paragraph${line}, found it nowhere in this one`, at);
      for (const token of missing(versionTokens, sourceTokens))
        report(`Unexpected \`${token}\`: the source's paragraph${line} has no such symbol or address`, at);
    }
  },
});

/** The source's spoken text against the `source_hash` the version was made from, with the quick fix that records it. */
function checkHash(statement: Statement, source: Statement, name: string, report: Report): void {
  const now = sourceHash(source);
  const recorded = statement.frontMatter.fields.source_hash;
  if (recorded === now) return;
  const range = fieldValueRange(statement, 'source_hash');
  if (recorded === undefined || range === undefined) {
    // Offered: the hash written into the front matter, before its closing `---`.
    const span = statement.frontMatter.span;
    const close = span ? placesIn(statement.source).offset({ line: span.end.line, column: 1 }) : undefined;
    report(
      `Expected \`source_hash\` in the front matter: the source (\`${name}\`) this version was made from`,
      statement.frontMatter.positions.get('source_hash') ?? { line: 1, column: 1 },
      close === undefined
        ? undefined
        : {
            suggestions: [
              {
                description: 'Record the source as it is now',
                edit: { range: [close, close], text: `source_hash: ${now}\n` },
              },
            ],
          },
    );
    return;
  }
  const known = new Set(recorded.split('.'));
  const changed = source.paragraphs.filter((paragraph) => !known.has(paragraphHash(paragraph.text)));
  const lines = changed.map((paragraph) => paragraph.span.start.line);
  const which =
    lines.length === 0
      ? 'paragraphs removed or moved'
      : `the paragraph${lines.length === 1 ? '' : 's'} at line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 8).join(', ')}${lines.length > 8 ? '…' : ''}`;
  report(
    `Expected the source (\`${name}\`) as this version was made from it, found it changed since: ${which}; bring the version up to date, then record the source`,
    statement.frontMatter.positions.get('source_hash'),
    {
      suggestions: [
        { description: 'Record the source as it is now (the version is up to date)', edit: { range, text: now } },
      ],
    },
  );
}
