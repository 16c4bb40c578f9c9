/**
 * The rehearsal: the statement in large type, one paragraph at a time, a running clock and the time
 * each paragraph should start at. The speaker presses space or → as they start each paragraph (and
 * once more at the end); then the page compares each paragraph's estimate with its measured time, and
 * offers the measured pace to the config for this speaker.
 */
import { loadStatement, savePace } from './api.js';
import { clock, h, say } from './dom.js';
import type { Paragraph, StatementView } from './types.js';

/** The speaker's pace from a rehearsal: what the pace counts, over the time measured less the pauses. */
export function measuredPace(paragraphs: readonly Paragraph[], measured: readonly number[]): number {
  const units = paragraphs.reduce((sum, paragraph) => sum + paragraph.units, 0);
  const total = measured.reduce((sum, seconds) => sum + seconds, 0);
  const pauses = paragraphs.reduce((sum, paragraph) => sum + paragraph.pauseSeconds, 0);
  const speaking = total - pauses > total / 4 ? total - pauses : total;
  return speaking > 0 ? Math.round((units * 60) / speaking) : 0;
}

function results(view: StatementView, measured: number[], onAgain: () => void): HTMLElement {
  const again = h('button', { type: 'button', class: 'again' }, 'Again');
  again.addEventListener('click', onAgain);
  const rows = view.paragraphs.map((paragraph, index) => {
    const difference = measured[index]! - paragraph.seconds;
    return h(
      'tr',
      {},
      h('td', {}, String(index + 1)),
      h('td', { class: 'excerpt', dir: 'auto' }, paragraph.text.slice(0, 80) + (paragraph.text.length > 80 ? '…' : '')),
      h('td', { class: 'estimate' }, clock(paragraph.seconds)),
      h('td', { class: 'measured' }, clock(measured[index]!)),
      h(
        'td',
        { class: difference > 0 ? 'slower' : 'faster' },
        `${difference >= 0 ? '+' : '−'}${clock(Math.abs(difference))}`,
      ),
    );
  });
  const total = measured.reduce((sum, seconds) => sum + seconds, 0);
  const pace = measuredPace(view.paragraphs, measured);
  const unit = view.unit === 'characters' ? 'characters' : 'words';
  const use = h(
    'button',
    { type: 'button', class: 'use-pace', disabled: view.speaker === null || pace <= 0 },
    'Use as my pace',
  );
  const note = h('p', { class: 'pace-note', role: 'status' });
  if (view.speaker === null) note.textContent = 'Give the statement a `speaker` to save a pace for them.';
  use.addEventListener('click', () => {
    savePace(view.speaker!, view.language, pace)
      .then((saved) => {
        note.textContent = `Saved: ${saved.pace} ${unit} a minute for ${view.speaker} in ${saved.config}.`;
        use.disabled = true;
      })
      .catch((error: Error) => {
        note.textContent = error.message;
        say(error.message, 'error');
      });
  });
  return h(
    'section',
    { class: 'results' },
    h('h2', {}, 'Your rehearsal'),
    h(
      'p',
      { class: 'totals' },
      `Measured ${clock(total)} against an estimate of ${clock(view.seconds ?? 0)}`,
      view.slotSeconds === null ? '' : ` and a slot of ${clock(view.slotSeconds)}`,
      '. ',
      h('strong', { class: 'measured-pace', 'data-pace': String(pace) }, `Your pace: ${pace} ${unit} a minute`),
      ` (the estimate used ${view.pace}, from ${view.paceOrigin}).`,
    ),
    h(
      'table',
      { class: 'rehearsal' },
      h(
        'thead',
        {},
        h('tr', {}, ...['#', 'Paragraph', 'Estimate', 'Measured', 'Difference'].map((name) => h('th', {}, name))),
      ),
      h('tbody', {}, ...rows),
    ),
    h('div', { class: 'actions' }, use, again),
    note,
    h('p', {}, h('a', { href: `#/statement/${encodeURIComponent(view.path)}` }, 'Back to the statement')),
  );
}

/** What stops the rehearsal under way: its clock and its keys. */
let active: (() => void) | undefined;

/** Stops the rehearsal under way, if any (the page is left, or a rehearsal starts again). */
export function leaveRehearsal(): void {
  active?.();
  active = undefined;
}

/** Opens the rehearsal of a statement into `root`. */
export async function showRehearsal(root: HTMLElement, file: string): Promise<void> {
  leaveRehearsal();
  const view = await loadStatement(file);
  const paragraphs = view.paragraphs;
  const clockFace = h('div', { class: 'clock', 'aria-live': 'off' }, '0:00');
  const hint = h(
    'p',
    { class: 'hint' },
    'Press space or → as you start each paragraph, and once more when you finish.',
  );
  const items = paragraphs.map((paragraph) =>
    h(
      'li',
      { class: 'prompt', 'data-line': String(paragraph.line) },
      h('span', { class: 'start-time' }, clock(paragraph.startSeconds)),
      h('p', { dir: 'auto' }, paragraph.text),
    ),
  );
  const list = h('ol', { class: 'teleprompter', lang: view.language, dir: view.direction }, ...items);
  root.replaceChildren(
    h('div', { class: 'toolbar' }, h('h1', {}, `Rehearse: ${view.title ?? file}`), clockFace),
    hint,
    list,
  );
  if (paragraphs.length === 0) {
    hint.textContent = 'Nothing to rehearse: the statement has no spoken paragraph.';
    return;
  }

  const marks: number[] = [];
  let ticker: ReturnType<typeof setInterval> | undefined;
  const highlight = (index: number) => {
    items.forEach((item, position) => item.classList.toggle('current', position === index));
    items[index]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const stop = () => {
    clearInterval(ticker);
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== ' ' && event.key !== 'ArrowRight') return;
    if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLInputElement) return;
    event.preventDefault();
    const now = performance.now();
    marks.push(now);
    if (marks.length === 1) {
      ticker = setInterval(() => (clockFace.textContent = clock((performance.now() - marks[0]!) / 1000)), 200);
      hint.textContent = 'Speaking. Press space or → at the start of the next paragraph.';
    }
    if (marks.length <= paragraphs.length) {
      highlight(marks.length - 1);
      return;
    }
    stop();
    clockFace.textContent = clock((now - marks[0]!) / 1000);
    const measured = paragraphs.map((_, index) => (marks[index + 1]! - marks[index]!) / 1000);
    list.remove();
    hint.remove();
    root.append(results(view, measured, () => void showRehearsal(root, file)));
  };
  document.addEventListener('keydown', onKey);
  active = stop;
}
