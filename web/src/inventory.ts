/** The inventory page: every statement with forum, session, speaker, status, time against the slot and check. */
import { compareListValues, LIST_SORTS, orderRows, sessionTotals, type ListSort } from '../../src/model/list-order.js';
import { loadInventory } from './api.js';
import { clock, h, slotBar } from './dom.js';
import type { InventoryEntry } from './types.js';

/** The filters and order a user chose, kept while the page lives. */
const choice: { forum: string; session: string; status: string; sort: ListSort; text: string } = {
  forum: '',
  session: '',
  status: '',
  sort: 'forum',
  text: '',
};

/** As `alliance list`: filtered by forum, session and status, sorted by a column, then forum, session and file. */
function select(entries: readonly InventoryEntry[]): InventoryEntry[] {
  const text = choice.text.toLowerCase();
  const selected = entries
    .filter((entry) => choice.forum === '' || entry.forum === choice.forum)
    .filter((entry) => choice.session === '' || entry.session === choice.session)
    .filter((entry) => choice.status === '' || entry.status === choice.status)
    .filter(
      (entry) =>
        text === '' ||
        [entry.file, entry.speaker, entry.title].some((value) => value?.toLowerCase().includes(text) === true),
    );
  return orderRows(selected, choice.sort, (entry) => entry.file);
}

function options(label: string, values: Iterable<string>, selected: string, all = 'All'): HTMLSelectElement {
  const select = h('select', { 'aria-label': label });
  for (const value of ['', ...new Set(values)].sort(compareListValues)) {
    const option = h('option', { value }, value === '' ? all : value);
    if (value === selected) option.selected = true;
    select.append(option);
  }
  return select;
}

function checkCell(entry: InventoryEntry): HTMLElement {
  if (entry.errors === 0 && entry.warnings === 0) return h('span', { class: 'check ok' }, '✓ passes');
  const parts = [
    entry.errors > 0 ? `${entry.errors} error${entry.errors === 1 ? '' : 's'}` : '',
    entry.warnings > 0 ? `${entry.warnings} warning${entry.warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return h('span', { class: `check ${entry.errors > 0 ? 'error' : 'warning'}` }, parts.join(', '));
}

function row(entry: InventoryEntry): HTMLTableRowElement {
  const time =
    entry.seconds === null
      ? 'not timed'
      : entry.slotSeconds === null
        ? clock(entry.seconds)
        : `${clock(entry.seconds)} / ${clock(entry.slotSeconds)}`;
  return h(
    'tr',
    { 'data-file': entry.file },
    h('td', {}, h('a', { href: `#/statement/${encodeURIComponent(entry.file)}` }, entry.file)),
    h('td', {}, entry.forum ?? ''),
    h('td', {}, entry.session ?? ''),
    h('td', {}, entry.speaker ?? ''),
    h('td', {}, entry.status ?? ''),
    h('td', { class: 'time' }, slotBar(entry.seconds, entry.slotSeconds, entry.fit?.status), h('span', {}, time)),
    h('td', {}, checkCell(entry)),
  );
}

/** Draws the inventory into `root`. */
export async function showInventory(root: HTMLElement): Promise<void> {
  const inventory = await loadInventory();
  const entries = inventory.statements;
  const body = h('tbody');
  const count = h('p', { class: 'count' });
  const totals = h('ul', { class: 'totals' });
  const draw = () => {
    const shown = select(entries);
    body.replaceChildren(...shown.map(row));
    const total = shown.reduce((sum, entry) => sum + (entry.seconds ?? 0), 0);
    count.textContent = `${shown.length} of ${entries.length} statements · ${clock(total)} in all`;
    // As `alliance list` ends: each forum and session, its statements, words and time.
    totals.replaceChildren(
      ...sessionTotals(shown).map((group) =>
        h(
          'li',
          {},
          `${`${group.forum || '(no forum)'} ${group.session}`.trim()}: ${group.statements} statement${group.statements === 1 ? '' : 's'}, ${group.words} words, ${clock(group.seconds)}`,
        ),
      ),
    );
  };
  const filter = (label: string, name: 'forum' | 'session' | 'status', values: (string | null)[]) => {
    const element = options(
      label,
      values.filter((value): value is string => value !== null),
      choice[name],
    );
    element.addEventListener('change', () => {
      choice[name] = element.value;
      draw();
    });
    return h('label', {}, `${label} `, element);
  };
  const sort = options('Sort by', LIST_SORTS, choice.sort, 'forum');
  sort.querySelector('option[value=""]')?.remove();
  sort.addEventListener('change', () => {
    choice.sort = sort.value as ListSort;
    draw();
  });
  const search = h('input', { type: 'search', placeholder: 'File, speaker or title', 'aria-label': 'Search' });
  search.value = choice.text;
  search.addEventListener('input', () => {
    choice.text = search.value;
    draw();
  });
  const head = h(
    'thead',
    {},
    h(
      'tr',
      {},
      ...['File', 'Forum', 'Session', 'Speaker', 'Status', 'Time / slot', 'Check'].map((name) => h('th', {}, name)),
    ),
  );
  root.replaceChildren(
    h('h1', {}, inventory.organization ? `Statements of ${inventory.organization}` : 'Statements'),
    h(
      'div',
      { class: 'filters' },
      filter(
        'Forum',
        'forum',
        entries.map((entry) => entry.forum),
      ),
      filter(
        'Session',
        'session',
        entries.map((entry) => entry.session),
      ),
      filter(
        'Status',
        'status',
        entries.map((entry) => entry.status),
      ),
      h('label', {}, 'Sort by ', sort),
      search,
    ),
    count,
    h('table', { class: 'inventory' }, head, body),
    totals,
  );
  draw();
}
