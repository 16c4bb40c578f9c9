/** Forums (the meeting bodies statements are delivered at) and the registry that finds them by any name. */

/** Who presides over a forum. */
export type Officer = 'chair' | 'president';

/** A forum's registry entry. */
export interface Forum {
  /** The canonical name, as front matter writes it (`UNTOC COP`). */
  id: string;
  name: string;
  /** The full name in other languages, by language (`{ fr: 'Commission des stupéfiants' }`). */
  names?: Record<string, string>;
  aliases: string[];
  officer?: Officer;
  /** How the presiding officer is addressed, per language (`{ en: 'President' }`). */
  title: Record<string, string>;
  /** The default speaking slot in seconds, if the forum has one. */
  slotSeconds?: number;
}

/** Makes a name comparable: case, spaces and punctuation ignored (`ctoc/cop` = `CTOC COP`). */
export function forumKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Finds forums by canonical name or alias. */
export class ForumRegistry {
  private readonly byKey = new Map<string, Forum>();

  /** Builds the registry; later entries win over earlier ones for the same name. */
  constructor(readonly forums: readonly Forum[]) {
    for (const forum of forums) {
      for (const alias of forum.aliases) this.byKey.set(forumKey(alias), forum);
    }
    for (const forum of forums) this.byKey.set(forumKey(forum.id), forum);
  }

  /** The forum named `name` (canonical name or alias), if any. */
  find(name: string): Forum | undefined {
    return this.byKey.get(forumKey(name));
  }

  /** The canonical names, for suggestions. */
  names(): string[] {
    return this.forums.map((forum) => forum.id);
  }

  /** Every name a forum goes by (canonical names, aliases, full names), with its canonical name, for suggestions. */
  allNames(): Map<string, string> {
    const names = new Map<string, string>();
    for (const forum of this.forums) for (const name of [...forum.aliases, forum.name]) names.set(name, forum.id);
    for (const forum of this.forums) names.set(forum.id, forum.id);
    return names;
  }
}
