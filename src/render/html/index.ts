/**
 * Handout → HTML: the statement as the preview page shows it, drawn from the same neutral model as the
 * DOCX and PDF (header, mark, title block, body, notes, the template's type sizes and colours). Every
 * word of the statement is escaped: its content is text, never markup. Blocks carry their source line
 * (`data-line`) and, on the speaker's copy, the time each should start at.
 */
import { escapeHtml } from '../../model/html-text.js';
import type { Block, Handout, Inline, ListItem } from '../model/handout.js';

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function inlines(list: readonly Inline[]): string {
  return list
    .map((inline) => {
      switch (inline.type) {
        case 'break':
          return '<br>';
        case 'note':
          return `<sup class="note-ref">${inline.number}</sup>`;
        case 'image':
          return `<img alt="${escapeHtml(inline.alt)}" src="data:image/${inline.image.format === 'jpg' ? 'jpeg' : 'png'};base64,${base64(inline.image.data)}">`;
        case 'text': {
          let html = escapeHtml(inline.text);
          const { marks } = inline;
          if (marks.code) html = `<code>${html}</code>`;
          if (marks.bold) html = `<strong>${html}</strong>`;
          if (marks.italic) html = `<em>${html}</em>`;
          if (marks.strike) html = `<s>${html}</s>`;
          // Links are shown, not followed: the page opens nothing a statement names.
          if (marks.link) html = `<span class="link" title="${escapeHtml(marks.link)}">${html}</span>`;
          return html;
        }
      }
    })
    .join('');
}

function lineAttribute(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${line}"`;
}

function timeMark(time: { label: string } | undefined): string {
  return time
    ? `<span class="start-time" aria-label="starts at ${escapeHtml(time.label)}">${escapeHtml(time.label)}</span>`
    : '';
}

function item(entry: ListItem): string {
  const check = entry.checked === null ? '' : entry.checked ? '☑ ' : '☐ ';
  const timed = entry.time ? ' class="timed"' : '';
  return `<li${timed}${lineAttribute(entry.line)}>${timeMark(entry.time)}${check}${blocks(entry.blocks)}</li>`;
}

function block(entry: Block): string {
  switch (entry.type) {
    case 'paragraph': {
      const timed = entry.time ? ' class="timed"' : '';
      return `<p${timed}${lineAttribute(entry.line)}>${timeMark(entry.time)}${inlines(entry.inlines)}</p>`;
    }
    case 'heading': {
      const level = Math.min(entry.depth + 1, 6);
      return `<h${level}${lineAttribute(entry.line)}>${inlines(entry.inlines)}</h${level}>`;
    }
    case 'list': {
      const tag = entry.ordered ? 'ol' : 'ul';
      const start = entry.ordered && entry.start !== 1 ? ` start="${entry.start}"` : '';
      return `<${tag}${start}>${entry.items.map(item).join('')}</${tag}>`;
    }
    case 'quote': {
      const timed = entry.time ? ' class="timed"' : '';
      return `<blockquote${timed}${lineAttribute(entry.line)}>${timeMark(entry.time)}${blocks(entry.blocks)}</blockquote>`;
    }
    case 'code':
      return `<pre${lineAttribute(entry.line)}><code>${escapeHtml(entry.text)}</code></pre>`;
    case 'table': {
      const align = (index: number) => {
        const value = entry.align[index];
        return value ? ` class="align-${value}"` : '';
      };
      const rows = entry.rows.map((row, rowIndex) => {
        const tag = rowIndex === 0 ? 'th' : 'td';
        return `<tr>${row.map((cell, index) => `<${tag}${align(index)}>${inlines(cell)}</${tag}>`).join('')}</tr>`;
      });
      return `<table${lineAttribute(entry.line)}>${rows.join('')}</table>`;
    }
    case 'rule':
      return '<hr>';
    case 'slotEnd':
      return `<div class="slot-end" role="separator">${escapeHtml(entry.label)}</div>`;
  }
}

function blocks(list: readonly Block[]): string {
  return list.map(block).join('');
}

/**
 * The template's look as CSS custom properties, read by the page's stylesheet. The page sets them
 * through the CSSOM: its policy forbids style attributes.
 */
export function handoutLook(handout: Handout): Record<string, string> {
  const { template } = handout;
  const family = (choice: { family: string }) => `'${choice.family.replace(/['"\\<>;{}]/g, '')}'`;
  const properties: Record<string, string> = {
    '--body-font': family(template.fonts.body),
    '--heading-font': family(template.fonts.headings),
    '--code-font': family(template.fonts.code),
    '--body-size': `${template.sizes.body}pt`,
    '--title-size': `${template.sizes.title}pt`,
    '--header-size': `${template.sizes.header}pt`,
    '--notes-size': `${template.sizes.notes}pt`,
    '--code-size': `${template.sizes.code}pt`,
    '--line-spacing': String(template.lineSpacing),
    '--paragraph-spacing': `${template.paragraphSpacing}pt`,
    '--text': template.colours.text,
    '--accent': template.colours.accent,
    '--muted': template.colours.muted,
    '--rule': template.colours.rule,
    '--quote-bar': template.colours.quoteBar,
    '--code-background': template.colours.codeBackground,
    '--table-border': template.colours.tableBorder,
    '--table-header': template.colours.tableHeader,
    '--time-colour': template.speakerCopy.timeColour,
    '--slot-colour': template.speakerCopy.slotColour,
  };
  return properties;
}

/** The handout as one `<article>`: header lines and mark, title block, body, notes. */
export function renderHtml(handout: Handout): string {
  const header = handout.header.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
  const { title } = handout;
  const titleBlock = [
    title.title ? `<h1>${escapeHtml(title.title)}</h1>` : '',
    title.byline ? `<p class="byline">${escapeHtml(title.byline)}</p>` : '',
  ].join('');
  const notes =
    handout.notes.length === 0
      ? ''
      : `<section class="notes"><h2>${escapeHtml(handout.labels.notes)}</h2><ol>${handout.notes
          .map((note) => `<li value="${note.number}">${blocks(note.blocks)}</li>`)
          .join('')}</ol></section>`;
  return (
    `<article class="handout" lang="${escapeHtml(handout.documentLanguage)}" dir="${handout.direction}" data-script="${handout.script}">` +
    `<header class="handout-header"><div class="header-lines">${header}</div><p class="mark">${escapeHtml(handout.header.mark)}</p></header>` +
    `<div class="title-block">${titleBlock}</div>` +
    `<div class="handout-body">${blocks(handout.blocks)}</div>${notes}</article>`
  );
}
