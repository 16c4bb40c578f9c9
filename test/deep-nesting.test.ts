/**
 * Text that is checked is printed, or refused with a message: block quotes and lists as deep as the
 * bound lets through (8) are drawn whole in the PDF, handout and speaker's copy, word for word; one
 * level deeper is refused by `check` and `build`, never dropped in silence.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { docxParts } from './helpers/documents.js';
import { FRONT, tempProject } from './helpers/statements.js';

const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india'];

/** A statement with quotes and lists `depth` deep, each level's text naming its level. */
function nested(depth: number): string {
  const quotes = WORDS.slice(0, depth)
    .map((word, level) => `${'>'.repeat(level + 1)} Quoted ${word} level of the statement.`)
    .join('\n>\n');
  const lists = WORDS.slice(0, depth)
    .map((word, level) => `${'  '.repeat(level)}- Listed ${word} level of the statement.`)
    .join('\n');
  return `${FRONT}\nThank you, Chair.\n\nThe Alliance of NGOs speaks.\n\n${quotes}\n\n${lists}\n\nThank you.\n`;
}

describe('quotes and lists nested as deep as the bound', () => {
  it('are drawn word for word in the PDF (both copies) and the DOCX', async () => {
    const project = tempProject({ 'statements/deep.md': nested(8) });
    const run = await runCli(['build', '--speaker-copy', '--concurrency', 'off'], { cwd: project });
    expect(run.code).toBe(0);
    for (const pdf of ['deep.pdf', 'deep.speaker.pdf']) {
      const text = execFileSync('pdftotext', [join(project, 'dist', pdf), '-'], { encoding: 'utf8' })
        // The speaker's copy's margin times stand between the lines of a paragraph in the text.
        .replace(/^\d+:\d\d$/gm, '')
        .replace(/\s+/g, ' ');
      for (const word of WORDS.slice(0, 8)) {
        expect(text, `${pdf}: ${word}`).toContain(`Quoted ${word} level of the statement.`);
        expect(text, `${pdf}: ${word}`).toContain(`Listed ${word} level of the statement.`);
      }
    }
    const document = docxParts(readFileSync(join(project, 'dist/deep.docx')))['word/document.xml']!;
    for (const word of WORDS.slice(0, 8)) expect(document).toContain(`Listed ${word} level of the statement.`);
  });

  it('one level deeper are refused, with the place and the bound', async () => {
    const project = tempProject({ 'statements/deeper.md': nested(9) });
    const run = await runCli(['check'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /\d+:1 +error +Expected block quotes and lists nested at most 8 deep, found 9 +markdown/,
    );
  });
});
