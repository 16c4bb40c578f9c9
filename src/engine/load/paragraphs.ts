/**
 * The spoken paragraphs of a statement: the blocks a speaker reads out (paragraphs, list items and
 * block quotes), in document order, with their text as said. Headings, tables, code, footnote
 * definitions, link definitions and HTML comments are not read out; raw HTML is read for its text.
 */
import type { Nodes, Parents, Root, ListItem } from 'mdast';
import { htmlText } from '../../model/html-text.js';
import { spanOf } from '../../model/points.js';
import { collapseSpaces } from '../../model/spaces.js';
import type { Span, SpokenParagraph, SpokenKind } from '../../model/statement.js';

/** The text of inline content as said: Markdown syntax, HTML, images and footnote markers removed. */
export function spokenText(node: Nodes): string {
  return collapseSpaces(inlineText(node));
}

function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return ' ';
    case 'html':
      return htmlText(node.value);
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'footnoteDefinition':
    case 'definition':
    case 'code':
    case 'table':
    case 'yaml':
    case 'thematicBreak':
      return '';
    default:
      if ('children' in node) return (node.children as Nodes[]).map(blockAware).join('');
      return '';
  }
}

/** Blocks inside a container are separated by a space, so "end.\n\nNext" never reads "end.Next". */
function blockAware(node: Nodes): string {
  const text = inlineText(node);
  return node.type === 'paragraph' ||
    node.type === 'heading' ||
    node.type === 'list' ||
    node.type === 'listItem' ||
    node.type === 'blockquote'
    ? ` ${text} `
    : text;
}

/** Collects the spoken paragraphs of a Markdown tree, in document order. */
export function spokenParagraphs(tree: Root): SpokenParagraph[] {
  const paragraphs: SpokenParagraph[] = [];
  let headingsBefore = 0;

  const push = (kind: SpokenKind, node: Nodes, text: string, span: Span): void => {
    if (text === '') return;
    paragraphs.push({ kind, text, span, node, headingsBefore });
    headingsBefore = 0;
  };

  const visitItem = (item: ListItem): void => {
    const own = item.children.filter((child) => child.type === 'paragraph' || child.type === 'heading');
    const text = collapseSpaces(own.map((child) => ` ${inlineText(child)} `).join(''));
    const last = own[own.length - 1];
    const span = spanOf(item);
    if (last?.position) span.end = spanOf(last).end;
    push('listItem', item, text, span);
    for (const child of item.children) {
      if (child.type !== 'paragraph' && child.type !== 'heading') visit(child);
    }
  };

  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'paragraph':
        push('paragraph', node, spokenText(node), spanOf(node));
        return;
      case 'heading':
        headingsBefore += 1;
        return;
      case 'blockquote':
        push('blockquote', node, spokenText(node), spanOf(node));
        return;
      case 'html':
        // Raw HTML is not read out as markup, but the text it holds is (comments hold none).
        push('paragraph', node, collapseSpaces(htmlText(node.value)), spanOf(node));
        return;
      case 'list':
        for (const item of node.children) visitItem(item);
        return;
      case 'listItem':
        visitItem(node);
        return;
      case 'footnoteDefinition':
      case 'definition':
      case 'table':
      case 'code':
      case 'thematicBreak':
      case 'yaml':
        return;
      default:
        if ('children' in node) for (const child of (node as Parents).children) visit(child);
    }
  };

  visit(tree);
  return paragraphs;
}
