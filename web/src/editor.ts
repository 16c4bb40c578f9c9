/** The editor pane: CodeMirror 6 with Markdown, YAML front matter highlighted, each line in its own direction. */
import { basicSetup, EditorView } from 'codemirror';
import { Decoration, keymap, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { RangeSetBuilder } from '@codemirror/state';
import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';

/** A line of right-to-left text: Arabic, Hebrew and their neighbours. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const autoLine = Decoration.line({ attributes: { dir: 'auto' } });
const rightToLeftLine = Decoration.line({ attributes: { dir: 'auto' }, class: 'cm-rtl-line' });

/**
 * Each line of the editor in its own direction (`dir="auto"`: an Arabic line right to left, its final
 * colon at its end), and a line of right-to-left text in a proportional face that joins its letters.
 */
const lineDirections = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = this.build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = this.build(update.view);
    }
    build(view: EditorView): DecorationSet {
      const builder = new RangeSetBuilder<Decoration>();
      for (const { from, to } of view.visibleRanges) {
        for (let position = from; position <= to;) {
          const line = view.state.doc.lineAt(position);
          builder.add(line.from, line.from, RIGHT_TO_LEFT.test(line.text) ? rightToLeftLine : autoLine);
          position = line.to + 1;
        }
      }
      return builder.finish();
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

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
      lineDirections,
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
