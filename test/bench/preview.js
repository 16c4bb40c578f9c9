// The preview page's speed, in headless Chromium: the time from opening the address to the inventory of
// 1,000 statements on screen (goal: under one second), and from a save on disk of a 1,000-word statement
// to its page showing the change (goal: 300 ms). Medians of five; skipped where Chromium is not installed.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, report } from './measure.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

/** A statement of about 1,000 words: one corpus statement's front matter, paragraphs of several, a closing. */
function longStatement(corpus) {
  const folder = join(corpus, 'statements');
  const files = readdirSync(folder, { recursive: true }).filter((name) => String(name).endsWith('.md'));
  const texts = files.slice(0, 6).map((name) => readFileSync(join(folder, String(name)), 'utf8').split('\n---\n'));
  const paragraphs = texts
    .flatMap(([, body]) => body.split(/\n\n+/))
    .filter((paragraph) => paragraph.trim() && !/^(Thank you|Mr\. President,)/.test(paragraph.trim()));
  const kept = [];
  let words = 0;
  for (const paragraph of paragraphs) {
    if (words >= 1000) break;
    kept.push(paragraph.trim());
    words += paragraph.split(/\s+/).filter(Boolean).length;
  }
  return `${texts[0][0].replace(/slot: \dm/, 'slot: 10m')}\n---\n\nThank you, Chair.\n\n${kept.join('\n\n')}\n\nThank you.\n`;
}

export async function benchPreview(corpus, root) {
  if (!CHROMIUM) {
    report('preview (no Chromium installed)', 'skipped', 'apt-get install chromium');
    return true;
  }
  const { startPreview } = await import(join(root, 'lib/preview/index.js'));
  const { chromium } = await import('playwright-core');
  const long = join(corpus, 'statements', 'long-statement.md');
  writeFileSync(long, longStatement(corpus));
  const words = readFileSync(long, 'utf8').split('\n---\n')[1].split(/\s+/).filter(Boolean).length;
  // About 1,000 words: the bench measures what it says.
  if (words < 950 || words > 1200) throw new Error(`Expected a statement of about 1,000 words, made ${words}`);

  const started = performance.now();
  const server = await startPreview({ cwd: corpus });
  const startSeconds = (performance.now() - started) / 1000;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let ok = true;
  try {
    const page = await browser.newPage();
    const renders = [];
    for (let run = 0; run < 6; run += 1) {
      const start = performance.now();
      await page.goto(server.url);
      await page.waitForFunction(
        (count) => document.querySelectorAll('table.inventory tbody tr').length === count,
        server.statements,
      );
      if (run > 0) renders.push(performance.now() - start);
    }
    ok =
      report(
        `preview: start (list ${server.statements} statements, watch)`,
        `${startSeconds.toFixed(2)} s`,
        'once, before the address is printed',
      ) && ok;
    ok =
      report(
        `preview: inventory of ${server.statements} on screen`,
        `${(median(renders) / 1000).toFixed(3)} s`,
        `< 1 s  (from opening the address, median of ${renders.length})`,
        median(renders) < 1000,
      ) && ok;

    await page.goto(`${server.url}#/statement/${encodeURIComponent('statements/long-statement.md')}`);
    await page.waitForSelector('article.handout');
    const latencies = [];
    const base = readFileSync(long, 'utf8');
    for (let save = 0; save < 6; save += 1) {
      // Each save changes the last paragraph, as an editor's save of a last-minute change would.
      const marker = `Marker${save}x`;
      const start = performance.now();
      writeFileSync(long, `${base.trimEnd()}\n\nWe close with ${marker}.\n\nThank you.\n`);
      await page.waitForFunction(
        (word) => document.querySelector('.handout-body')?.textContent?.includes(word),
        marker,
        {
          polling: 10,
        },
      );
      latencies.push(performance.now() - start);
    }
    ok =
      report(
        `preview: a save of a ${words}-word statement on the page`,
        `${Math.round(median(latencies))} ms`,
        `≤ 300 ms  (from the write to the page redrawn, median of ${latencies.length})`,
        median(latencies) <= 300,
      ) && ok;
  } finally {
    await browser.close();
    await server.close();
  }
  return ok;
}
