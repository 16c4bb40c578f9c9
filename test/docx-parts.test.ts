/**
 * The DOCX renderer writes the parts that repeat (styles, theme, settings, a session's header, the
 * footer, empty notes) once per key and reuses them: a handout rendered after others is byte for byte
 * the one rendered alone, in every language and copy, so nothing of one statement leaks into another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { docxParts } from './helpers/documents.js';
import { filesIn, handoutProject } from './helpers/statements.js';

/** Builds the DOCX of `files` (all when empty) with a fresh copy of every module, so no part is reused from before. */
async function freshBuild(project: string, out: string, files: string[] = []): Promise<void> {
  vi.resetModules();
  const { main } = await import('../src/cli/main.js');
  const ignore = { write: () => true, isTTY: false };
  const code = await main(
    [
      'node',
      'alliance',
      'build',
      ...files,
      '--to',
      'docx',
      '--speaker-copy',
      '--force',
      '--concurrency',
      'off',
      '--out',
      out,
    ],
    { cwd: project, env: {}, stdout: ignore, stderr: ignore },
  );
  expect(code).toBe(0);
}

describe('the shared parts of DOCX handouts', () => {
  it('leave every handout as it is when rendered alone', async () => {
    const project = handoutProject(['en', 'fr', 'ar', 'zh']);
    await freshBuild(project, 'together');
    const outputs = filesIn(join(project, 'together'), /\.docx$/);
    const sources = filesIn(join(project, 'statements'), /\.md$/);
    expect(outputs).toHaveLength(sources.length * 2);
    for (const source of sources) await freshBuild(project, 'alone', [join('statements', source)]);
    for (const output of outputs) {
      expect(
        readFileSync(join(project, 'alone', output)).equals(readFileSync(join(project, 'together', output))),
        output,
      ).toBe(true);
    }
    // Each keeps the styles of its own language and copy.
    const styles = (name: string) => docxParts(readFileSync(join(project, 'together', name)))['word/styles.xml']!;
    expect(styles('languages/ar.docx')).toContain('w:bidi="ar-SA"');
    expect(styles('languages/fr.docx')).toContain('<w:lang w:val="fr-FR"');
    expect(styles('languages/en.speaker.docx')).not.toBe(styles('languages/en.docx'));
  });
});
