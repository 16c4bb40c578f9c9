/**
 * The statements the preview serves and their inventory, kept up to date: listed once at start, then
 * only the files a save touched (everything again when the project's own files change). The page
 * filters and sorts it as `alliance list` does. Only statements in this set can be read, saved or
 * built through the page: a path is looked up here, never joined to the project folder.
 */
import { relative, sep } from 'node:path';
import { findStatements, list, type ListOutcome, type Project } from '../engine/index.js';

/** A statement as the inventory shows it, named by its path in the project (`statements/a.md`). */
export type InventoryEntry = Omit<ListOutcome, 'path'> & { file: string };

/** The served statements, by their path in the project. */
export class Inventory {
  private entries = new Map<string, InventoryEntry>();
  private files = new Map<string, string>();

  constructor(
    private project: Project,
    private readonly patterns: readonly string[],
  ) {}

  /** The project the inventory was made in. */
  get current(): Project {
    return this.project;
  }

  /** The absolute path of a statement named by its path in the project, or undefined when it is not served. */
  resolve(file: string): string | undefined {
    return this.files.has(file) ? this.files.get(file) : undefined;
  }

  /** The name a page uses for an absolute path. */
  name(path: string): string {
    return relative(this.project.dir, path).split(sep).join('/');
  }

  /** The absolute paths served. */
  paths(): string[] {
    return [...this.files.values()];
  }

  /** Lists every statement again (at start, and when the project's own files change). */
  async refresh(project = this.project): Promise<void> {
    this.project = project;
    this.entries = new Map();
    // With no entries, every statement found is listed.
    await this.update([]);
  }

  /** Lists the statements given again (after a save), and picks up statements made or removed. */
  async update(changed: readonly string[]): Promise<void> {
    const paths = await findStatements(this.project, { patterns: this.patterns, errorOnUnmatchedPattern: false });
    this.files = new Map(paths.map((path) => [this.name(path), path]));
    for (const name of this.entries.keys()) if (!this.files.has(name)) this.entries.delete(name);
    const stale = [...new Set([...changed.filter((path) => this.files.has(this.name(path))), ...this.missing()])];
    if (stale.length === 0) return;
    const result = await list({ project: this.project, files: stale, sort: 'file' });
    for (const { path, ...entry } of result.statements)
      this.entries.set(this.name(path), { ...entry, file: this.name(path) });
  }

  private missing(): string[] {
    return [...this.files].filter(([name]) => !this.entries.has(name)).map(([, path]) => path);
  }

  /** Every entry, in the order of the files. */
  all(): InventoryEntry[] {
    return [...this.files.keys()].flatMap((name) => {
      const entry = this.entries.get(name);
      return entry ? [entry] : [];
    });
  }
}
