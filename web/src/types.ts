/** What the preview server sends (see src/preview/ and the engine's `inspect` and `list`). */

/** How a statement fits its slot. */
export interface Fit {
  status: 'none' | 'fits' | 'tight' | 'over';
  slotSeconds: number | null;
  seconds: number;
  wordsToCut: number;
}

/** A statement in the inventory. */
export interface InventoryEntry {
  file: string;
  forum: string | null;
  session: string | null;
  agendaItem: string | null;
  speaker: string | null;
  title: string | null;
  status: string | null;
  language: string;
  writtenWords: number;
  seconds: number | null;
  slotSeconds: number | null;
  fit: Fit | null;
  errors: number;
  warnings: number;
}

/** The inventory. */
export interface Inventory {
  project: string;
  organization: string | null;
  statements: InventoryEntry[];
}

/** A message of `check`. */
export interface Message {
  line: number;
  column: number;
  ruleId: string;
  severity: 'error' | 'warning';
  reason: string;
  url: string;
}

/** A spoken paragraph. */
export interface Paragraph {
  line: number;
  text: string;
  startSeconds: number;
  seconds: number;
  pauseSeconds: number;
  units: number;
}

/** A statement as the page shows it. */
export interface StatementView {
  path: string;
  text: string | null;
  hash: string | null;
  speaker: string | null;
  title: string | null;
  language: string;
  direction: 'ltr' | 'rtl';
  pace: number;
  paceSource: string;
  unit: 'words' | 'characters';
  writtenWords: number;
  seconds: number | null;
  slotSeconds: number | null;
  fit: Fit | null;
  paragraphs: Paragraph[];
  messages: Message[];
  html: string | null;
  look: Record<string, string> | null;
}
