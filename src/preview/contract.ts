/**
 * The JSON the preview server sends and the page reads, typed once: the server's answers are checked
 * against these types where it sends them (src/preview/index.ts), and the page imports them
 * (web/src/types.ts), so neither can drift from the other. Plain data only: no import, no class.
 */

/** How a statement fits its slot (the engine's `Fit`, as sent). */
export interface PageFit {
  status: 'none' | 'fits' | 'tight' | 'over';
  slotSeconds: number | null;
  seconds: number;
  /** About how many written words, or characters where the language counts them, to cut to fit. */
  wordsToCut: number;
}

/** What a statement's pace counts: words, or characters (Chinese). */
export type PageUnit = 'words' | 'characters';

/** A statement in the inventory. */
export interface PageInventoryEntry {
  file: string;
  forum: string | null;
  session: string | null;
  agendaItem: string | null;
  speaker: string | null;
  title: string | null;
  status: string | null;
  language: string;
  unit: PageUnit;
  writtenWords: number;
  seconds: number | null;
  slotSeconds: number | null;
  fit: PageFit | null;
  errors: number;
  warnings: number;
}

/** `GET api/inventory`. */
export interface PageInventory {
  project: string;
  organization: string | null;
  statements: PageInventoryEntry[];
}

/** A message of `check`. */
export interface PageMessage {
  line: number;
  column: number;
  ruleId: string;
  severity: 'error' | 'warning';
  reason: string;
  url: string;
}

/** A spoken paragraph, for the margin times and the rehearsal. */
export interface PageParagraph {
  line: number;
  text: string;
  startSeconds: number;
  seconds: number;
  pauseSeconds: number;
  units: number;
}

/** `GET api/statement` and `POST api/inspect`: a statement as the page shows it. */
export interface PageStatement {
  path: string;
  text: string | null;
  hash: string | null;
  speaker: string | null;
  title: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  pace: number;
  paceSource: string;
  /** Where the pace came from, in words ("Ana Pérez's pace in French, in the config"). */
  paceOrigin: string;
  unit: PageUnit;
  writtenWords: number;
  seconds: number | null;
  slotSeconds: number | null;
  fit: PageFit | null;
  paragraphs: PageParagraph[];
  messages: PageMessage[];
  html: string | null;
  look: Record<string, string> | null;
}

/** `PUT api/statement`: what a save did (409 when not saved). */
export type PageSaveOutcome =
  { saved: true; hash: string } | { saved: false; reason: string; detail: string; hash: string | null };

/** `POST api/pace`: the pace saved, and the config file it was saved in. */
export interface PagePaceSaved {
  saved: true;
  config: string;
  pace: number;
}

/** Any refused request: its reason. */
export interface PageError {
  error: string;
}

/** The server's events (`GET api/events`), by name. */
export interface PageEvents {
  /** Statements saved (by their path in the project), and whether the project's own files changed. */
  change: { files: string[]; project: boolean };
  /** The project's files, changed, cannot be read. */
  problem: PageError;
}
