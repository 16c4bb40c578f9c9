/**
 * The prose a fix may touch: the text of the statement's paragraphs (in the body, lists and quotes), as
 * stretches of the file's text at their offsets. Never code, HTML, link targets or addresses (a link
 * whose text is its address), front matter, headings, tables or footnote definitions; and only text
 * the file spells as the tree reads it (no escapes or entities inside), so that an edit of a stretch is
 * an edit of exactly that text in the file.
 */
import type { Nodes, Paragraph, Root } from 'mdast';

/** A stretch of prose: its text, where it starts in the file, and the paragraph it is in. */
export interface Prose {
  text: string;
  offset: number;
  paragraph: Paragraph;
}

/** An address in running text (`https://…`, `www.…`, an e-mail address): left as it is. */
// The local part starts where such characters start, so a long word is scanned once, not from each letter.
const ADDRESS = /(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The paragraphs a fix may touch, in document order. */
export function proseParagraphs(tree: Root): Paragraph[] {
  const found: Paragraph[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph') found.push(node);
    else if (node.type === 'root' || node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote')
      for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

/** The stretches of prose of a paragraph whose text is written as read, addresses cut out. */
export function proseOf(paragraph: Paragraph, source: string): Prose[] {
  const stretches: Prose[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || source.slice(start, end) !== node.value) return;
      let from = 0;
      // The expression is costly on every text of a thousand statements: only where an address may be.
      const mayHoldAddress = /[@:]|www\./.test(node.value);
      for (const address of mayHoldAddress ? node.value.matchAll(ADDRESS) : []) {
        stretches.push({ text: node.value.slice(from, address.index), offset: start + from, paragraph });
        from = address.index + address[0].length;
      }
      stretches.push({ text: node.value.slice(from), offset: start + from, paragraph });
      return;
    }
    if (node.type === 'link') {
      const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      // An address shown as itself (`<https://…>`, `www.…`, `ana@ngo.org`).
      if (node.url === text || node.url.endsWith(`:${text}`) || node.url.endsWith(`//${text}`)) return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(paragraph);
  return stretches.filter((stretch) => stretch.text !== '');
}

/** Every stretch of prose of the statement's paragraphs. */
export function proseStretches(tree: Root, source: string): Prose[] {
  return proseParagraphs(tree).flatMap((paragraph) => proseOf(paragraph, source));
}
