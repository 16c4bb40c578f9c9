/**
 * A statement's page: the editor beside the handout as it will print, with each paragraph's start
 * time in the margin, the line where the slot ends and the messages of `check` at their paragraphs.
 * Typing updates time and messages (debounced); saving writes the file unless it changed on disk.
 */
import type { EditorView } from 'codemirror';
import { ApiError, download, inspectText, loadStatement, saveStatement } from './api.js';
import { clock, h, say, slotBar } from './dom.js';
import type { Message, StatementView } from './types.js';

/** The statement page now open, which live updates reach. */
export interface OpenStatement {
  file: string;
  /** Edits not saved yet. */
  dirty(): boolean;
  /** The file changed on disk: reload if nothing is being edited, else say so. */
  changedOnDisk(): Promise<void>;
}

const FIT_WORDS: Record<string, string> = {
  fits: 'fits its slot',
  tight: 'fits, with little margin',
  over: 'over its slot',
  none: 'no slot',
};

function summary(view: StatementView): HTMLElement {
  const unit = view.unit;
  const time =
    view.seconds === null
      ? 'cannot be timed'
      : view.slotSeconds === null
        ? clock(view.seconds)
        : `${clock(view.seconds)} of ${clock(view.slotSeconds)}`;
  const fit = view.fit;
  const cut = fit && fit.wordsToCut > 0 ? ` · cut about ${fit.wordsToCut} ${unit}` : '';
  return h(
    'div',
    { class: 'summary' },
    h('span', { class: 'total-time', 'data-seconds': String(Math.round(view.seconds ?? -1)) }, time),
    slotBar(view.seconds, view.slotSeconds, fit?.status),
    h('span', { class: `fit ${fit?.status ?? 'none'}` }, fit ? FIT_WORDS[fit.status] : ''),
    h(
      'span',
      { class: 'pace' },
      `${view.writtenWords} ${unit} · ${view.pace} ${unit} a minute (${view.paceOrigin})${cut}`,
    ),
  );
}

function messageItem(message: Message): HTMLElement {
  return h(
    'li',
    { class: `message ${message.severity}`, 'data-line': String(message.line) },
    // "line 13", not "13:31", which beside the margin's times would read as one.
    h('span', { class: 'place', title: `line ${message.line}, column ${message.column}` }, `line ${message.line}`),
    h('span', { class: 'severity' }, message.severity),
    h('span', { class: 'reason' }, message.reason),
    h('a', { class: 'rule', href: message.url, target: '_blank', rel: 'noopener noreferrer' }, message.ruleId),
  );
}

/** The handout, with each message after the block it falls in (those before the body at the top). */
function handout(view: StatementView): HTMLElement {
  const frame = h('div', { class: 'handout-frame' });
  if (view.html === null) {
    frame.append(h('p', { class: 'unusable' }, 'The statement cannot be shown: see the messages.'));
    return frame;
  }
  // The server escapes every word of the statement (src/render/html/index.ts); the policy runs no inline script.
  frame.innerHTML = view.html;
  const article = frame.querySelector<HTMLElement>('article');
  for (const [name, value] of Object.entries(view.look ?? {})) article?.style.setProperty(name, value);
  const blocks = [...frame.querySelectorAll<HTMLElement>('[data-line]')];
  const top = h('ul', { class: 'messages at-top' });
  for (const message of view.messages) {
    let target: HTMLElement | undefined;
    for (const block of blocks) if (Number(block.dataset.line) <= message.line) target = block;
    if (target === undefined) top.append(messageItem(message));
    else {
      let list = target.nextElementSibling;
      if (!(list instanceof HTMLUListElement && list.classList.contains('messages'))) {
        list = h('ul', { class: 'messages' });
        target.after(list);
      }
      list.append(messageItem(message));
    }
  }
  if (top.childElementCount > 0) article?.querySelector('.handout-body')?.prepend(top);
  return frame;
}

/** Opens a statement into `root`. */
export async function showStatement(root: HTMLElement, file: string): Promise<OpenStatement> {
  const [{ makeEditor, setText }, first] = await Promise.all([import('./editor.js'), loadStatement(file)]);
  let view = first;
  let saved = view.text ?? '';
  let hash = view.hash;
  let text = saved;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const banner = h('div', { class: 'banner', hidden: true, role: 'alert' });
  const summaryHolder = h('div', { class: 'summary-holder' });
  const handoutHolder = h('div', { class: 'handout-holder' });
  const saveButton = h('button', { type: 'button', class: 'save', disabled: true }, 'Save');
  const draw = () => {
    summaryHolder.replaceChildren(summary(view));
    handoutHolder.replaceChildren(handout(view));
    const dirty = text !== saved;
    saveButton.disabled = !dirty;
    document.title = `${dirty ? '• ' : ''}${file} · alliance preview`;
  };
  const refresh = async () => {
    const ask = (asked += 1);
    const next = await inspectText(file, text);
    if (ask === asked) {
      view = { ...next, text, hash };
      draw();
    }
  };
  const save = async () => {
    if (hash === null || text === saved) return;
    const outcome = await saveStatement(file, text, hash);
    if (outcome.saved) {
      saved = text;
      hash = outcome.hash;
      banner.hidden = true;
      say(`Saved ${file}`);
    } else {
      warn(`${outcome.detail}: your edits are not saved. `);
      say(`Not saved: ${file}`, 'error');
    }
    draw();
  };
  const editorHolder = h('div', { class: 'editor' });
  const editor: EditorView = makeEditor(editorHolder, text, {
    onChange(next) {
      text = next;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh().catch((error: Error) => say(error.message, 'error')), 250);
      saveButton.disabled = text === saved;
    },
    onSave: () => void save().catch((error: Error) => say(error.message, 'error')),
  });
  saveButton.addEventListener('click', () => void save().catch((error: Error) => say(error.message, 'error')));

  /** Shows the statement as it is on disk, in the editor too. */
  const show = (current: StatementView) => {
    view = current;
    saved = view.text ?? '';
    hash = view.hash;
    text = saved;
    if (editor.state.doc.toString() !== saved) setText(editor, saved);
    banner.hidden = true;
    draw();
  };
  const reload = async () => show(await loadStatement(file));
  /** Says why the edits are not saved, with the way back to the file on disk. */
  const warn = (why: string) => {
    const load = h('button', { type: 'button', class: 'reload' }, 'Load the file from disk');
    load.addEventListener('click', () => void reload());
    banner.replaceChildren(why, load);
    banner.hidden = false;
  };

  const downloadButton = (label: string, format: 'docx' | 'pdf', copy: 'handout' | 'speaker') => {
    const button = h('button', { type: 'button', class: `download download-${format}-${copy}` }, label);
    button.addEventListener('click', () => {
      say(`Building ${label}…`);
      download(file, format, copy)
        .then((blob) => {
          const link = h('a', {
            href: URL.createObjectURL(blob),
            download: `${file.replace(/^.*\//, '').replace(/\.(md|markdown)$/i, '')}${copy === 'speaker' ? '.speaker' : ''}.${format}`,
          });
          link.click();
          setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
          say(`Built ${label}`);
        })
        .catch((error: Error) => say(error instanceof ApiError ? error.message : String(error), 'error'));
    });
    return button;
  };

  root.replaceChildren(
    h(
      'div',
      { class: 'toolbar' },
      h('h1', {}, file),
      saveButton,
      h('a', { class: 'button rehearse', href: `#/rehearse/${encodeURIComponent(file)}` }, 'Rehearse'),
      downloadButton('DOCX', 'docx', 'handout'),
      downloadButton('PDF', 'pdf', 'handout'),
      downloadButton("Speaker's copy (PDF)", 'pdf', 'speaker'),
    ),
    banner,
    summaryHolder,
    h('div', { class: 'panes' }, editorHolder, handoutHolder),
  );
  draw();

  return {
    file,
    dirty: () => text !== saved,
    async changedOnDisk() {
      const current = await loadStatement(file);
      // The page's own save, or a change to the project's files: the same text, drawn again.
      if (current.hash === hash) return refresh();
      if (text !== saved) {
        warn('The file changed on disk since it was opened: saving will not overwrite it. ');
        say(`Not saved: ${file} changed on disk`, 'error');
        return;
      }
      show(current);
    },
  };
}
