/**
 * A PDF/UA-1 check as a test helper: no PDF/UA checker is packaged for npm or Debian, so
 * `pdf-ua.py` reads a PDF with pikepdf (Debian's python3-pikepdf) and tests the Matterhorn Protocol's
 * failure conditions a program can decide for a handout:
 * - 01-001…01-005: every painted item (text, path, image, form) is tagged content or an artifact;
 *   marked content closed on its page, tagged content never nested, no artifact inside tagged content,
 *   every MCID in the tree and every MCID the tree names in the page.
 * - 02-001: every structure element of a standard type (or role-mapped to one).
 * - 06-001…06-003: MarkInfo /Marked, the PDF/UA identification (pdfuaid:part 1) and dc:title in XMP.
 * - 07-001: ViewerPreferences /DisplayDocTitle.
 * - 09-004, 09-005: table and list elements inside the parents ISO 32000-1 gives them.
 * - 11-001: the document's natural language (/Lang).
 * - 13-004: every Figure has alternate text.
 * - 14-003: heading levels never skipped going down.
 * - 28-002, 28-008, 28-010: every annotation in the tree, links described (/Contents), pages with
 *   annotations ordered by structure (/Tabs /S).
 * - 31-001, 31-027: every font embedded, with a ToUnicode map.
 * What needs a person (reading order, alternate text that says the right thing, colour contrast) is not here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const SCRIPT = resolve(import.meta.dirname, 'pdf-ua.py');
/** Debian's Python, which has python3-pikepdf (another python3 on the PATH may not). */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** What the check found: failures as [Matterhorn checkpoint, message], the tree's outline, counts. */
export interface PdfUaReport {
  failures: [string, string][];
  tree: string[];
  counts: { elements: number; mcids: number; artifacts: number; paints: number; links: number; figures: number };
  /** The document's language (the catalog's /Lang) and its title as the XMP metadata gives it. */
  lang: string;
  title: string;
}

/** Checks the PDF at `path` against the machine-checkable PDF/UA-1 conditions above. */
export function checkPdfUa(path: string): PdfUaReport {
  return JSON.parse(execFileSync(PYTHON, [SCRIPT, path], { encoding: 'utf8' })) as PdfUaReport;
}
