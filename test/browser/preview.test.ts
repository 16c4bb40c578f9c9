/**
 * `alliance preview` in a real browser (headless Chromium): the inventory, a statement with its times
 * and messages, editing and saving, a save on disk reaching the page, a conflict refused, a statement's
 * markup shown as text, and a rehearsal whose pace is saved and then used by `alliance time`. The
 * server is the real command, started as a user starts it and stopped with Ctrl+C (SIGINT).
 * Set UPDATE_PREVIEWS=1 to write the README's pictures of the page.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { tempProject } from '../helpers/statements.js';

// What the functions run in the page see (the tests are type-checked without the DOM's types).
declare const document: {
  querySelector(selector: string): { textContent: string | null; getAttribute(name: string): string | null } | null;
};
declare const window: object;
declare const location: { hash: string };
declare function getComputedStyle(element: unknown): { direction: string; fontFamily: string };

const ROOT = resolve(import.meta.dirname, '../..');
const FRONT = (speaker: string, title: string) =>
  `---\nforum: CCPCJ\nsession: "34"\nagenda_item: "5"\ndate: 2025-05-19\nspeaker: ${speaker}\norganization: Alliance of NGOs\ntitle: ${title}\n---\n`;
const A = `${FRONT('Ana Pérez', 'Victims first')}
Thank you, Chair.

The Alliance of NGOs welcomes the report of UNODC on its work in 2024, and thanks the Commission for the floor.

In 2023, some 1,250,000 people in 148 countries fell victim to trafficking, and only 12.5% of them received help.

We therefore ask Member States to:

- fund victim services in every region, with civil society as a partner;
- collect data that can be compared across borders.

Thank you.
`;
const B = `${FRONT('Omar Haddad', 'Data first')}
Thank you, Chair.

The Alliance of NGOs asks for TODO before the next session.

Thank you.
`;
const EVIL = `${FRONT('Eve', 'Markup <img src=x onerror="window.pwned = 4">')}
Thank you, Chair.

<script>window.pwned = 1</script>

The Alliance of NGOs says <img src="x" onerror="window.pwned = 2"> and <b onclick="window.pwned = 3">this</b>.

We write \`<script>window.pwned = 5</script>\` and &lt;img src=x onerror="window.pwned = 6"&gt; as text.

Thank you.
`;

const executablePath = chromiumPath();

describe.skipIf(executablePath === undefined)('alliance preview in Chromium', () => {
  let project: string;
  let server: ChildProcessWithoutNullStreams;
  let url: string;
  let browser: Browser;
  let page: Page;
  let stderr = '';
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  let leave = true;

  /** Opens a statement's page and waits until it is drawn (not the page before it). */
  const open = async (file: string) => {
    // A fresh load, whatever page was open (going to the same address with the same hash does nothing).
    await page.goto('about:blank');
    await page.goto(`${url}#/statement/${encodeURIComponent(file)}`);
    await page.waitForSelector(`body[data-ready="#/statement/${encodeURIComponent(file)}"] article.handout`);
    await page.waitForSelector('.cm-content');
  };

  beforeAll(async () => {
    project = tempProject({
      'alliance.config.yaml': '# The project of the browser tests.\norganization: Alliance of NGOs\n',
      'statements/a.md': A,
      'statements/b.md': B,
      'statements/evil.md': EVIL,
    });
    copyFileSync(join(ROOT, 'test/fixtures/languages/ar.md'), join(project, 'statements/ar.md'));
    // Chinese, in a slot it overruns: what to cut is counted in characters, as the language counts.
    writeFileSync(
      join(project, 'statements/zh.md'),
      readFileSync(join(ROOT, 'test/fixtures/languages/zh.md'), 'utf8').replace('slot: 3m', 'slot: 1m'),
    );
    server = spawn(process.execPath, [join(ROOT, 'bin/alliance.js'), 'preview', '--no-open'], {
      cwd: project,
      env: { ...process.env, DISPLAY: '' },
    });
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    url = await new Promise<string>((done, fail) => {
      let stdout = '';
      server.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/[\w-]+\//.exec(stdout);
        if (found) done(found[0]);
      });
      server.on('exit', (code) => fail(new Error(`preview exited with ${code}: ${stderr}`)));
    });
    browser = await launchChromium(executablePath!);
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Leaving a page with edits not saved asks first; the tests leave, unless one says otherwise.
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void (leave ? dialog.accept() : dialog.dismiss());
    });
    page.on('request', (request) => {
      if (request.url() !== 'about:blank') requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) server.kill('SIGKILL');
  });

  it('prints its address, on 127.0.0.1 with a token', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\/$/);
  });

  it('shows the inventory: forum, session, speaker, time against the slot, check; filtered and sorted', async () => {
    await page.goto(url);
    await page.waitForSelector('table.inventory tbody tr');
    const rows = page.locator('table.inventory tbody tr');
    expect(await rows.count()).toBe(5);
    const rowB = page.locator('tr[data-file="statements/b.md"]');
    expect(await rowB.locator('td').nth(1).textContent()).toBe('CCPCJ');
    expect(await rowB.locator('td').nth(3).textContent()).toBe('Omar Haddad');
    expect(await rowB.locator('.check').textContent()).toMatch(/1 error/);
    expect(await page.locator('tr[data-file="statements/a.md"] .check').textContent()).toBe('✓ passes');
    expect(await page.locator('tr[data-file="statements/a.md"] td.time').textContent()).toMatch(/\d:\d\d \/ 3:00/);
    await page.selectOption('select[aria-label="Sort by"]', 'time');
    const times = await page.locator('table.inventory tbody td.time > span:last-child').allTextContents();
    const seconds = times.map((text) =>
      text
        .split(' / ')[0]!
        .split(':')
        .reduce((sum, part) => sum * 60 + Number(part), 0),
    );
    expect(seconds).toEqual([...seconds].sort((x, y) => x - y));
    expect(await page.locator('ul.totals li').allTextContents()).toEqual([
      expect.stringMatching(/^CCPCJ 34: 5 statements, \d+ words, \d:\d\d$/),
    ]);
    await page.fill('input[type=search]', 'omar');
    expect(await rows.count()).toBe(1);
    await page.fill('input[type=search]', '');
  });

  it('shows a statement as its handout: header, start times, the end of the slot, messages at their paragraphs', async () => {
    await open('statements/b.md');
    expect(await page.locator('.handout-header').textContent()).toContain(
      'Commission on Crime Prevention and Criminal Justice',
    );
    expect(await page.locator('.handout-header .mark').textContent()).toBe('Check against delivery');
    expect(await page.locator('.handout .start-time').first().textContent()).toBe('0:00');
    expect(await page.locator('.slot-end').textContent()).toContain('3:00');
    const message = page.locator('.message.error', { hasText: 'TODO' });
    expect(await message.count()).toBe(1);
    expect(await message.locator('a.rule').getAttribute('href')).toMatch(/#placeholder$/);
    // At its paragraph: right after the paragraph that holds the placeholder.
    const before = message.locator('xpath=../preceding-sibling::*[1]');
    expect(await before.textContent()).toContain('TODO');
  });

  it('counts what to cut as the language counts: characters in Chinese', async () => {
    await open('statements/zh.md');
    const pace = (await page.locator('.summary .pace').textContent()) ?? '';
    expect(pace).toMatch(/^\d+ characters · \d+ characters a minute .* · cut about \d+ characters$/);
  });

  it('shows markup in a statement as text and runs none of it', async () => {
    await open('statements/evil.md');
    // The handout prints raw HTML as its text (as the DOCX and PDF do); what the author wrote as text shows as text.
    const body = (await page.locator('.handout-body').textContent()) ?? '';
    expect(body).toContain('<script>window.pwned = 5</script>');
    expect(body).toContain('<img src=x onerror="window.pwned = 6">');
    expect(await page.locator('article.handout h1').textContent()).toBe(
      'Markup <img src=x onerror="window.pwned = 4">',
    );
    expect(await page.locator('.cm-content').textContent()).toContain('<script>window.pwned = 1</script>');
    expect(await page.locator('article.handout img, article.handout script, article.handout b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('times what is typed, saves it, and hears a save on disk', async () => {
    await open('statements/a.md');
    const seconds = async () => Number(await page.locator('.total-time').getAttribute('data-seconds'));
    const before = await seconds();
    await page.locator('.cm-line', { hasText: 'only 12.5% of them received help.' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(
      ' Behind each of these figures is a person whose rights must come first, and whose voice must be heard in this room.',
    );
    await page.waitForFunction(
      (previous) => Number(document.querySelector('.total-time')?.getAttribute('data-seconds')) > previous,
      before,
    );
    expect(await seconds()).toBeGreaterThan(before);
    expect(readFileSync(join(project, 'statements/a.md'), 'utf8')).toBe(A);
    const updated = await page.locator('body').getAttribute('data-updated');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => readFileSync(join(project, 'statements/a.md'), 'utf8'))
      .toContain('whose voice must be heard');
    await page.waitForSelector('button.save[disabled]');
    // The page's own save comes back as a change on disk: the editor keeps its place.
    await page.waitForFunction(
      (before) => document.querySelector('body')?.getAttribute('data-updated') !== before,
      updated,
    );
    await page.keyboard.type(' Again.');
    expect(await page.locator('.cm-line', { hasText: 'heard in this room. Again.' }).count()).toBe(1);
    await page.keyboard.press('Control+s');
    await expect.poll(() => readFileSync(join(project, 'statements/a.md'), 'utf8')).toContain('room. Again.');

    // Another editor saves the file: the page follows.
    const edited = readFileSync(join(project, 'statements/a.md'), 'utf8').replace(
      'Thank you, Chair.',
      'Thank you, Madam Chair.',
    );
    writeFileSync(join(project, 'statements/a.md'), edited);
    await page.waitForFunction(() => document.querySelector('.handout-body')?.textContent?.includes('Madam Chair'));
    expect(await page.locator('.cm-content').textContent()).toContain('Madam Chair');
  });

  it('asks before leaving edits that are not saved, and stays when told to', async () => {
    await open('statements/a.md');
    await page.locator('.cm-line', { hasText: 'Thank you.' }).last().click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Unsaved.');
    leave = false;
    await page.locator('a.home').click();
    await expect.poll(() => dialogs.length).toBe(1);
    expect(dialogs[0]).toContain('statements/a.md has edits that are not saved');
    expect(await page.evaluate(() => location.hash)).toBe('#/statement/statements%2Fa.md');
    expect(await page.locator('.cm-content').textContent()).toContain('Thank you. Unsaved.');
    leave = true;
    await page.locator('a.home').click();
    await page.waitForSelector('table.inventory');
    expect(readFileSync(join(project, 'statements/a.md'), 'utf8')).not.toContain('Unsaved.');
  });

  it('builds the handouts on demand, as `alliance build` does, and says why it will not', async () => {
    await open('statements/a.md');
    for (const [button, magic, name] of [
      ['button.download-pdf-handout', '%PDF-', 'a.pdf'],
      ['button.download-docx-handout', 'PK', 'a.docx'],
      ['button.download-pdf-speaker', '%PDF-', 'a.speaker.pdf'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      expect(download.suggestedFilename()).toBe(name);
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      expect(readFileSync(join(project, 'dist', name)).equals(bytes)).toBe(true);
    }
    await open('statements/b.md');
    await page.locator('button.download-pdf-handout').click();
    await page.waitForSelector('#status.error');
    expect(await page.locator('#status').textContent()).toMatch(
      /has errors, so `alliance build` skips it: Expected final text/,
    );
  });

  it('does not overwrite a file that changed on disk while it was being edited', async () => {
    await open('statements/b.md');
    await page.locator('.cm-line', { hasText: 'TODO' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Edited in the page.');
    const onDisk = B.replace('Thank you, Chair.', 'Thank you, Mr. Chair.');
    writeFileSync(join(project, 'statements/b.md'), onDisk);
    await page.waitForSelector('.banner:not([hidden])');
    expect(await page.locator('.banner').textContent()).toMatch(/changed on disk/);
    await page.locator('button.save').click();
    await page.waitForFunction(() => document.querySelector('.banner')?.textContent?.includes('not saved'));
    expect(readFileSync(join(project, 'statements/b.md'), 'utf8')).toBe(onDisk);
    // The bar says the same as the banner: no "Saved …" left from before.
    expect(await page.locator('#status').textContent()).toBe('Not saved: statements/b.md');
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
  });

  it("follows a save of the project's own files: the config", async () => {
    await open('statements/b.md');
    expect(await page.locator('.message', { hasText: 'TODO' }).count()).toBe(1);
    const config = join(project, 'alliance.config.yaml');
    const before = readFileSync(config, 'utf8');
    writeFileSync(config, `${before}rules:\n  placeholder: off\n`);
    await page.waitForFunction(() => document.querySelector('.message') === null);
    writeFileSync(config, before);
    await page.waitForSelector('.message');
    expect(await page.locator('.message', { hasText: 'TODO' }).count()).toBe(1);
  });

  it('says so when an address names no statement, `%` and all, and throws nothing', async () => {
    for (const hash of ['#/statement/%', '#/statement/%E0%A4%A', '#/rehearse/%zz']) {
      await page.goto('about:blank');
      await page.goto(`${url}${hash}`);
      await page.waitForFunction(() => document.querySelector('#status')?.textContent !== '');
      expect(await page.locator('#status').textContent()).toContain('Expected the address of a statement');
      expect(await page.locator('#status').getAttribute('class')).toBe('error');
    }
    expect(pageErrors.filter((error) => /URIError/.test(error))).toEqual([]);
  });

  it('shows an Arabic statement right to left', async () => {
    await open('statements/ar.md');
    expect(await page.locator('article.handout').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('article.handout').getAttribute('lang')).toMatch(/^ar/);
    const frame = await page.locator('.handout-body p').first().boundingBox();
    const time = await page.locator('.handout-body .start-time').first().boundingBox();
    // The start times stand in the margin at the start of the line: the right, in Arabic.
    expect(time!.x).toBeGreaterThan(frame!.x + frame!.width - 5);
    // The editor: each Arabic line right to left, in a face that joins its letters, its final colon at its end.
    const line = page.locator('.cm-line.cm-rtl-line', { hasText: 'السيد' }).first();
    expect(await line.getAttribute('dir')).toBe('auto');
    expect(await line.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await line.evaluate((element) => getComputedStyle(element).fontFamily)).toContain('IBM Plex Sans Arabic');
    const english = page.locator('.cm-line', { hasText: 'forum: CCPCJ' }).first();
    expect(await english.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  });

  it('rehearses by key presses, compares each paragraph, and saves the measured pace for the speaker', async () => {
    if (process.env.UPDATE_PREVIEWS) {
      await open('statements/b.md');
      await page.screenshot({ path: join(ROOT, 'templates/previews/preview-statement.png') });
    }
    await page.clock.install();
    await page.goto(`${url}#/rehearse/${encodeURIComponent('statements/a.md')}`);
    await page.waitForSelector('.prompt');
    const view = await page.evaluate(() =>
      fetch('api/statement?file=statements%2Fa.md').then(
        (response) =>
          response.json() as Promise<{ paragraphs: { seconds: number; pauseSeconds: number; units: number }[] }>,
      ),
    );
    // Each paragraph takes a quarter longer than estimated.
    const measured = view.paragraphs.map((paragraph) => Math.round(paragraph.seconds * 1250));
    for (const [index, milliseconds] of measured.entries()) {
      await page.keyboard.press(index % 2 === 0 ? 'Space' : 'ArrowRight');
      if (index === 1 && process.env.UPDATE_PREVIEWS)
        await page.screenshot({ path: join(ROOT, 'templates/previews/preview-rehearsal.png') });
      await page.clock.runFor(milliseconds);
    }
    await page.keyboard.press('Space');
    await page.waitForSelector('table.rehearsal');
    expect(await page.locator('table.rehearsal tbody tr').count()).toBe(view.paragraphs.length);
    const units = view.paragraphs.reduce((sum, paragraph) => sum + paragraph.units, 0);
    const pauses = view.paragraphs.reduce((sum, paragraph) => sum + paragraph.pauseSeconds, 0);
    const total = measured.reduce((sum, milliseconds) => sum + milliseconds, 0) / 1000;
    const expected = Math.round((units * 60) / (total - pauses));
    expect(Number(await page.locator('.measured-pace').getAttribute('data-pace'))).toBe(expected);
    expect(await page.locator('table.rehearsal tbody tr').first().locator('td.measured').textContent()).toMatch(
      /^\d:\d\d$/,
    );

    await page.locator('button.use-pace').click();
    await page.waitForFunction(() => document.querySelector('.pace-note')?.textContent?.startsWith('Saved'));
    const config = readFileSync(join(project, 'alliance.config.yaml'), 'utf8');
    expect(config).toContain('# The project of the browser tests.');
    expect(config).toMatch(new RegExp(`Ana Pérez:\\n\\s+pace: ${expected}\\n`));

    // Again: a new rehearsal; leaving it stops its keys.
    await page.locator('button.again').click();
    await page.waitForSelector('.prompt');
    expect(await page.locator('table.rehearsal').count()).toBe(0);
    await page.goto(`${url}#/`);
    await page.waitForSelector('table.inventory tbody tr');
    await page.keyboard.press('Space');
    expect(await page.locator('.prompt.current').count()).toBe(0);

    const timed = await runCli(['time', '--format', 'json', 'statements/a.md', 'statements/b.md'], { cwd: project });
    const [a, b] = JSON.parse(timed.stdout) as { pace: number }[];
    expect(a!.pace).toBe(expected);
    expect(b!.pace).toBe(110);
  });

  it('says so when the open statement is deleted, and drops it from the inventory', async () => {
    writeFileSync(join(project, 'statements/gone.md'), B);
    await page.goto(url);
    await page.waitForSelector('tr[data-file="statements/gone.md"]');
    await open('statements/gone.md');
    rmSync(join(project, 'statements/gone.md'));
    await page.waitForSelector('#status.error');
    expect(await page.locator('#status').textContent()).toMatch(
      /^statements\/gone\.md: Expected a statement of this project/,
    );
    await page.goto(url);
    await page.waitForSelector('table.inventory tbody tr');
    expect(await page.locator('tr[data-file="statements/gone.md"]').count()).toBe(0);
  });

  it('loads nothing from the network and breaks no rule of its policy', () => {
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.filter((address) => !address.startsWith(url) && !/^(data|blob):/.test(address))).toEqual([]);
    // A refused save (409) and the statement deleted while open (404) are the page's own answers.
    expect(pageErrors.filter((error) => !/status of (409|404)/.test(error))).toEqual([]);
  });

  it('stops cleanly on Ctrl+C', async () => {
    const code = await new Promise<number | null>((done) => {
      server.on('exit', (exitCode) => done(exitCode));
      server.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(stderr).toContain('Preview stopped.');
  });
});
