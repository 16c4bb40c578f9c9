/**
 * What an editor offers in a statement's front matter: each field with its documentation and, where
 * it has a fixed set, its values (from the front matter's JSON Schema, the one editors validate
 * with); the project's forums with their aliases and full names; its languages.
 */
import { loadData } from '../../data/load.js';
import type { Project } from './project.js';

/** A front matter field as an editor shows it. */
export interface FieldHelp {
  name: string;
  description: string;
  /** The values it takes, where they are a fixed set (`kind`: `oral`, `written`). */
  values?: string[];
}

/** The words of a project's front matter: fields, forums, languages. */
export interface Vocabulary {
  fields: FieldHelp[];
  /** Every name a forum goes by (its canonical name first), with its canonical name and full name. */
  forums: { name: string; id: string; fullName: string }[];
  languages: { tag: string; name: string }[];
}

interface Schema {
  properties: Record<string, { description?: string; enum?: unknown[] }>;
}

/** The project's front matter vocabulary. */
export function vocabularyOf(project: Project): Vocabulary {
  const schema = loadData<Schema>('schemas/front-matter.schema.json');
  const fields = Object.entries(schema.properties).map(([name, entry]) => ({
    name,
    description: entry.description ?? '',
    ...(entry.enum ? { values: entry.enum.map(String) } : {}),
  }));
  const { forums, languages } = project.context;
  const forumList = forums.forums.flatMap((forum) =>
    [forum.id, ...forum.aliases].map((name) => ({ name, id: forum.id, fullName: forum.name })),
  );
  const languageList = [...languages.values()].map((record) => ({
    tag: record.tag,
    name: record.names[0] ?? record.tag,
  }));
  return { fields, forums: forumList, languages: languageList };
}
