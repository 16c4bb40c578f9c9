/**
 * The server's view of each open statement: the project that applies to it (its config found upward
 * from the file, so each folder of a multi-root workspace gets its own), checked and timed through the
 * engine's front door a moment after the author stops typing, the latest result kept for the editor's
 * requests. A newer edit makes an older result moot; nothing here throws into the connection.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { inspect, openProject, type Project, type StatementView } from '../engine/index.js';
import type { Finding } from './convert.js';

/**
 * Edits that come within this many milliseconds of a check are gathered into one check after it
 * (typing); an edit after a quiet moment is checked at once, so its diagnostics come with no wait.
 */
export const DEBOUNCE_MS = 150;

/** A statement as last checked: its findings, its timing, and the version of the text they are of. */
export interface Checked {
  version: number;
  findings: Finding[];
  view: StatementView | null;
  project: Project | null;
}

/** Checks open statements and keeps their latest results. */
export class Checker {
  private readonly projects = new Map<string, Promise<Project>>();
  private readonly results = new Map<string, Checked>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each document's last check started, and which are being checked now. */
  private readonly started = new Map<string, number>();
  private readonly running = new Set<string>();

  constructor(
    /** Called with each new result (to push diagnostics, refresh hints). */
    private readonly onResult: (uri: string, checked: Checked) => void,
    private readonly log: (text: string) => void,
  ) {}

  /** The path of a document, or undefined for one that is not a file (an unsaved buffer gets a path in the workspace's folder). */
  static pathOf(uri: string): string | undefined {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The project that applies to a file: its config found upward from its folder, opened once. */
  project(path: string): Promise<Project> {
    const folder = dirname(path);
    let project = this.projects.get(folder);
    if (!project) {
      project = openProject({ cwd: folder });
      // A broken config is reported on each file; the next change to a config tries again.
      project.catch(() => this.projects.delete(folder));
      this.projects.set(folder, project);
    }
    return project;
  }

  /** Forgets every project (a config, language or template file changed): they are opened again. */
  forgetProjects(): void {
    this.projects.clear();
  }

  /** The latest result of a document, if it is of this version. */
  latest(uri: string, version?: number): Checked | undefined {
    const checked = this.results.get(uri);
    return checked && (version === undefined || checked.version === version) ? checked : undefined;
  }

  /** Checks the document at once after a quiet moment (or when `now`), else once the typing pauses. */
  schedule(document: TextDocument, now = false): void {
    const { uri } = document;
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const run = () => {
      this.timers.delete(uri);
      this.started.set(uri, Date.now());
      this.running.add(uri);
      this.check(document)
        .catch((error: unknown) => this.log(`alliance: ${(error as Error).stack ?? String(error)}`))
        .finally(() => this.running.delete(uri));
    };
    const quiet = !this.running.has(uri) && Date.now() - (this.started.get(uri) ?? 0) >= DEBOUNCE_MS;
    if (now || quiet) run();
    else this.timers.set(uri, setTimeout(run, DEBOUNCE_MS));
  }

  /** Checks a document now; the result, also handed to `onResult` unless a newer version came meanwhile. */
  async check(document: TextDocument): Promise<Checked> {
    const { uri, version } = document;
    const text = document.getText();
    const path = Checker.pathOf(uri);
    let checked: Checked;
    if (path === undefined) checked = { version, findings: [], view: null, project: null };
    else {
      try {
        const project = await this.project(path);
        const view = await inspect(project, path, { text, html: false });
        checked = { version, findings: view.messages, view, project };
      } catch (error) {
        // The config cannot be read (or the engine failed on this text): one finding at the top.
        checked = {
          version,
          findings: [{ reason: (error as Error).message, ruleId: 'config', fatal: true, line: 1, column: 1 }],
          view: null,
          project: null,
        };
      }
    }
    const current = this.results.get(uri);
    if (current && current.version > version) return current;
    this.results.set(uri, checked);
    this.onResult(uri, checked);
    return checked;
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    this.started.delete(uri);
  }
}
