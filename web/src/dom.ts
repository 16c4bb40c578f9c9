/** Building the page with the DOM: text is always set as text, never parsed as markup. */
import { formatClock as clock } from '../../src/model/duration.js';

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** `m:ss` (or `h:mm:ss`), as the CLI prints durations: the same function. */
export { clock };

/** A bar of time against the slot: its fill's width set through the CSSOM (the policy forbids style attributes). */
export function slotBar(seconds: number | null, slotSeconds: number | null, status: string | undefined): HTMLElement {
  const fill = h('span', { class: 'fill' });
  const bar = h('span', { class: `slot-bar ${status ?? 'none'}`, role: 'img' }, fill);
  if (seconds !== null && slotSeconds !== null && slotSeconds > 0) {
    fill.style.width = `${Math.min(100, (seconds / slotSeconds) * 100)}%`;
    bar.setAttribute('aria-label', `${clock(seconds)} of ${clock(slotSeconds)}`);
  } else bar.setAttribute('aria-label', seconds === null ? 'not timed' : 'no slot');
  return bar;
}

/** Shows a line in the status area of the bar. */
export function say(text: string, kind: 'info' | 'error' = 'info'): void {
  const status = document.getElementById('status');
  if (!status) return;
  status.textContent = text;
  status.className = kind;
}
