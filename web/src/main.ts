/** The preview page: routes (#/, #/statement/<file>, #/rehearse/<file>) and the live updates from the server. */
import { say } from './dom.js';
import { showInventory } from './inventory.js';
import { leaveRehearsal, showRehearsal } from './rehearse.js';
import { showStatement, type OpenStatement } from './statement.js';
import type { ServerEvents } from './types.js';

const root = document.getElementById('app')!;
let open: OpenStatement | undefined;
let route = '';

async function show(): Promise<void> {
  delete document.body.dataset.ready;
  say('');
  leaveRehearsal();
  open = undefined;
  route = location.hash || '#/';
  const [, page, encoded] = /^#\/(statement|rehearse)\/(.+)$/.exec(route) ?? [];
  try {
    // An address typed or pasted by hand may hold a `%` that is no escape: it names no statement.
    let file: string | undefined;
    try {
      file = encoded === undefined ? undefined : decodeURIComponent(encoded);
    } catch {
      throw new Error(`Expected the address of a statement, found \`${route}\``);
    }
    if (page === 'statement' && file !== undefined) open = await showStatement(root, file);
    else if (page === 'rehearse' && file !== undefined) await showRehearsal(root, file);
    else await showInventory(root);
    document.body.dataset.ready = route;
  } catch (error) {
    say((error as Error).message, 'error');
    root.textContent = (error as Error).message;
  }
}

window.addEventListener('hashchange', () => {
  // Leaving a statement with edits not saved: the speaker says so, or stays.
  if (open?.dirty() && !window.confirm(`${open.file} has edits that are not saved. Leave it anyway?`)) {
    history.replaceState(null, '', route);
    return;
  }
  void show();
});
window.addEventListener('beforeunload', (event) => {
  if (open?.dirty()) event.preventDefault();
});
void show();

/** Draws the open page again for a change on disk: everything, or the files named. */
function follow(change: { files: string[]; project: boolean }): void {
  if (open && (change.project || change.files.includes(open.file))) {
    open
      .changedOnDisk()
      .then(() => (document.body.dataset.updated = String(Date.now())))
      // The statement is gone (deleted, renamed, or no longer among the statements served).
      .catch((error: Error) => say(`${open?.file ?? 'The statement'}: ${error.message}`, 'error'));
  } else if (route === '#/' || route === '') {
    showInventory(root)
      .then(() => (document.body.dataset.updated = String(Date.now())))
      .catch((error: Error) => say(error.message, 'error'));
  }
}

// Saves by any editor, of a statement or of the project's own files, reach the open page.
const events = new EventSource('api/events');
events.addEventListener('change', (event) =>
  follow(JSON.parse((event as MessageEvent<string>).data) as ServerEvents['change']),
);
// A save told while the stream was not yet (or no longer) open is missed: on each opening, the page
// is drawn again from what the server has now.
events.addEventListener('open', () => follow({ files: [], project: true }));
events.addEventListener('problem', (event) => {
  say(
    `The project's files cannot be read: ${(JSON.parse((event as MessageEvent<string>).data) as ServerEvents['problem']).error}`,
    'error',
  );
});
