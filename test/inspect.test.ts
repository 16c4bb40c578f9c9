/**
 * `inspect`, what the preview shows of a statement, in the six languages: the handout as HTML (its
 * direction and language, header, start times, the end of the slot), the messages of `check`, and the
 * paragraphs a rehearsal measures; from the file, or from text being edited.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, inspect, openProject, time } from '../src/engine/index.js';
import { escapeHtml } from '../src/model/html-text.js';
import { GOOD, tempProject } from './helpers/statements.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures/languages');
const LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;

describe('inspect', () => {
  it('agrees with check and time, and draws each language in its direction', async () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'statements'));
    for (const language of LANGUAGES)
      copyFileSync(join(FIXTURES, `${language}.md`), join(dir, `statements/${language}.md`));
    const project = await openProject({ cwd: dir });
    const timed = await time({ project });
    const checked = await check({ project });
    for (const language of LANGUAGES) {
      const path = join(dir, `statements/${language}.md`);
      const view = await inspect(project, path);
      const reference = timed.statements.find((statement) => statement.path === path)!;
      expect(view.seconds, language).toBeCloseTo(reference.seconds!, 6);
      expect(view.unit).toBe(language === 'zh' ? 'characters' : 'words');
      expect(view.paragraphs.map((paragraph) => paragraph.line)).toEqual(
        reference.paragraphs.map((paragraph) => paragraph.line),
      );
      expect(view.paragraphs[0]!.startSeconds).toBe(0);
      expect(view.messages.length).toBe(checked.results.find((result) => result.path === path)!.messages.length);
      expect(view.html).toContain(`dir="${language === 'ar' ? 'rtl' : 'ltr'}"`);
      expect(view.html).toMatch(new RegExp(`lang="${language}(-[A-Z]+)?"`));
      expect(view.html).toContain('class="start-time"');
      expect(view.html).toContain('class="slot-end"');
      expect(view.look?.['--body-size']).toBe('11pt');
    }
    const arabic = await inspect(project, join(dir, 'statements/ar.md'));
    expect(arabic.html).toContain('يرجى المراجعة أثناء الإلقاء');
  });

  it('inspects text being edited without writing it, and escapes every word of it', async () => {
    const dir = tempProject({ 'statements/a.md': GOOD });
    const project = await openProject({ cwd: dir });
    const saved = await inspect(project, 'statements/a.md');
    const edited = await inspect(project, 'statements/a.md', {
      text: GOOD.replace('Ana Pérez', 'Ana <img src=x onerror=alert(1)>').replace(
        'welcomes the resolution.',
        'welcomes the resolution `<script>alert(1)</script>` & more. TODO',
      ),
    });
    expect(edited.hash).not.toBe(saved.hash);
    expect(edited.seconds!).toBeGreaterThan(saved.seconds!);
    expect(edited.messages.map((message) => message.ruleId)).toContain('placeholder');
    expect(edited.html).not.toMatch(/<(script|img)\b/);
    expect(edited.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(edited.html).toContain('Ana &lt;img src=x onerror=alert(1)&gt;');
    expect(edited.html).toContain(' &amp; more.');
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });
});
