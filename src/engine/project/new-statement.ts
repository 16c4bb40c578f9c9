/**
 * A new statement from the template `templates/statement.md` (the project's, else the one shipped):
 * front matter filled from what the user gave, the forum's slot and the presiding officer's title from
 * the registry (so the opening already says "Madam President," at a COP), written under
 * `statements/<forum>-<session>/<slug>.md` with a name that is safe and new.
 */
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseDocument, stringify } from '../../data/libraries.js';
import { formatClock } from '../../model/duration.js';
import type { LoadContext } from './context.js';
import { UsageError } from '../io/errors.js';
import { makeFolder } from '../io/folders.js';
import { readProjectText } from '../io/read.js';
import { resolvePace } from './pace.js';
import { limits } from './registry-data.js';
import { BUILT_IN_TEMPLATES } from './templates.js';
import { createFileAtomicSync } from '../io/write-atomic.js';
import { dictionary, own } from '../../model/own.js';

/** What a new statement is made of. */
export interface NewStatement {
  forum: string;
  session: string;
  speaker: string;
  title?: string;
  agendaItem?: string;
  date?: string;
  language?: string;
  role?: string;
  organization?: string;
}

interface NewStatementPhrases {
  title?: string;
  opening: string;
  identification: string;
  closing: string;
  guidance: string;
  guidanceWithoutSlot?: string;
}

const MAX_SLUG = 60;

/** A file or folder name made safe: NFC, lower case, letters and digits joined by `-`, bounded, never empty. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

function fill(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => own(values, name) ?? whole);
}

/** The text of the new statement, from the template. */
export function statementText(input: NewStatement, context: LoadContext, templateText: string): string {
  const language = (input.language ?? context.config.language ?? 'en').toLowerCase().split('-')[0]!;
  const record = context.languages.get(language) ?? context.languages.get('en')!;
  const phrases: NewStatementPhrases =
    record.phrases.newStatement ?? context.languages.get('en')!.phrases.newStatement!;
  const forum = context.forums.find(input.forum);
  const title = own(forum?.title ?? {}, language) ?? phrases.title ?? forum?.title.en ?? 'Chair';
  // The organization in the statement's language, where the config gives its name in it.
  const organization =
    input.organization ??
    (context.config.organization === undefined
      ? undefined
      : (own(context.config.organizationNames, language) ?? context.config.organization));
  const { pace } = resolvePace({ language, speaker: input.speaker }, context);
  const slotSeconds = forum?.slotSeconds;
  const values: Record<string, string | undefined> = {
    title: input.title,
    forum: forum?.id ?? input.forum,
    session: input.session,
    agenda_item: input.agendaItem,
    date: input.date,
    speaker: input.speaker,
    role: input.role,
    organization,
    language: input.language ?? context.config.language,
    slot: slotSeconds === undefined ? undefined : formatClock(slotSeconds),
    opening: fill(phrases.opening, { title }),
    identification: organization ? fill(phrases.identification, { organization }) : undefined,
    closing: phrases.closing,
    // Without a slot, no claim of how many words fit it.
    guidance:
      slotSeconds === undefined
        ? (phrases.guidanceWithoutSlot ?? context.languages.get('en')?.phrases.newStatement?.guidanceWithoutSlot ?? '')
        : fill(phrases.guidance, {
            words: String(Math.round((slotSeconds / 60) * pace * limits().marginShare)),
          }),
  };
  const [, front = '', body = ''] = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(templateText) ?? [];
  // The front matter is YAML: each value is filled, empty ones dropped, and written back quoted as YAML needs.
  const data = (parseDocument(front, { version: '1.2', schema: 'core' }).toJS() ?? {}) as Record<string, unknown>;
  const filled = dictionary<unknown>();
  for (const [key, value] of Object.entries(data)) {
    const text =
      typeof value === 'string' ? value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => own(values, name) ?? '') : value;
    if (text !== '' && text !== null && text !== undefined) filled[key] = text;
  }
  const bodyText = body
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => own(values, name) ?? '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '');
  return `---\n${stringify(filled, { lineWidth: 0 })}---\n\n${bodyText}`;
}

/** Writes the new statement under `statements/`; returns its path. Never overwrites a file. */
export function writeNewStatement(input: NewStatement, context: LoadContext): string {
  const projectDir = context.config.dir;
  const own = join(projectDir, 'templates', 'statement.md');
  const templatePath = existsSync(own) ? own : join(BUILT_IN_TEMPLATES, 'statement.md');
  const text = statementText(input, context, readProjectText(templatePath, 'template'));
  const forum = context.forums.find(input.forum)?.id ?? input.forum;
  const folder = join(projectDir, 'statements', slugify(`${forum}-${input.session}`, 'statements'));
  const base = slugify(input.title ?? '', 'statement');
  if (
    relative(join(projectDir, 'statements'), folder)
      .split(sep)
      .some((part) => part === '..')
  )
    throw new UsageError('Expected a folder inside `statements/`');
  makeFolder(folder);
  for (let attempt = 1; attempt < 1000; attempt += 1) {
    const path = join(folder, `${attempt === 1 ? base : `${base}-${attempt}`}.md`);
    try {
      createFileAtomicSync(path, text);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new UsageError(`Expected a free file name in \`${folder}\`, found none`);
}
