/** The editor pane: CodeMirror 6 with Markdown, YAML front matter highlighted, each line in its own direction. */
import { basicSetup, EditorView } from 'codemirror';
import { keymap } from '@codemirror/view';
import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';

/** What the page hears from the editor. */
export interface EditorEvents {
  onChange(text: string): void;
  onSave(): void;
}

/** Makes an editor in `parent` holding `text`. */
export function makeEditor(parent: HTMLElement, text: string, events: EditorEvents): EditorView {
  return new EditorView({
    parent,
    doc: text,
    extensions: [
      keymap.of([
        {
          key: 'Mod-s',
          preventDefault: true,
          run: () => {
            events.onSave();
            return true;
          },
        },
      ]),
      basicSetup,
      yamlFrontmatter({ content: markdown() }),
      EditorView.lineWrapping,
      // Arabic lines right to left, Latin ones left to right, in one file.
      EditorView.perLineTextDirection.of(true),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) events.onChange(update.state.doc.toString());
      }),
      EditorView.contentAttributes.of({ 'aria-label': 'Statement source' }),
      // The page's policy admits style elements with the nonce its shell was served with.
      EditorView.cspNonce.of(document.querySelector<HTMLMetaElement>('meta[name=style-nonce]')?.content ?? ''),
    ],
  });
}

/** Replaces the editor's whole text (the file changed on disk and was reloaded). */
export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
