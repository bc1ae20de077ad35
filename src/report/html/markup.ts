/**
 * HTML building blocks. The one rule: a string argument named `text` (or a cell given as
 * `{ text }`) is untrusted and escaped here; anything else is markup this code wrote. Ids and link
 * targets are only ever built by anchor() from our own names and numbers, never from input.
 */
import type { Severity } from '../../checklist/vocabulary.js';
import { escapeHtml } from '../../text.js';
import { SEVERITY_LABEL } from '../common.js';

/** Markup that this code wrote (already safe). */
export type Html = string;

/** Untrusted text as HTML text or an attribute value. */
export const text = escapeHtml;

/** An in-page id from our own parts: lower-case letters, digits and hyphens only. */
export function anchor(...parts: (string | number)[]): string {
  const id = parts.join('-');
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`not a safe anchor: ${id}`);
  return id;
}

/** An element; attribute values are escaped, children are markup. */
export function el(tag: string, attrs: Record<string, string | number | undefined>, ...children: Html[]): Html {
  const attributes = Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  return `<${tag}${attributes}>${children.join('')}</${tag}>`;
}

/** A link to an id of this page. */
export function link(id: string, content: Html): Html {
  return el('a', { href: `#${anchor(id)}` }, content);
}

export type Cell = Html | { text: string } | { html: Html; numeric?: boolean };

function cellHtml(cell: Cell): Html {
  return typeof cell === 'string' ? cell : 'text' in cell ? text(cell.text) : cell.html;
}

/** A table row: its cells, or its cells and an id (from anchor()) that links can land on. */
export type Row = readonly Cell[] | { id: string; cells: readonly Cell[] };

/** A table with a caption, a header row that repeats on every printed page, and right-aligned numeric columns. */
export function table(caption: string, headers: readonly string[], rows: readonly Row[], numeric: readonly number[] = []): Html {
  const cls = (i: number) => (numeric.includes(i) ? 'num' : undefined);
  const head = el('thead', {}, el('tr', {}, ...headers.map((h, i) => el('th', { scope: 'col', class: cls(i) }, text(h)))));
  const tr = (row: Row) => {
    const [id, cells] = 'cells' in row ? [anchor(row.id), row.cells] : [undefined, row];
    return el('tr', { id }, ...cells.map((c, i) => el('td', { class: cls(i) }, cellHtml(c))));
  };
  const body = el('tbody', {}, ...rows.map(tr));
  return el('table', {}, el('caption', {}, text(caption)), head, body);
}

/** A section that starts a printed page, with its heading. */
export function section(id: string, title: string, ...body: Html[]): Html {
  return el('section', { id: anchor(id), 'aria-labelledby': anchor(id, 'h') }, el('h2', { id: anchor(id, 'h') }, text(title)), ...body);
}

/** A section that stays on the printed page before it (a page's first section: print breaks before every `<section>`). */
export function leadSection(id: string, title: string, ...body: Html[]): Html {
  return el('div', { id: anchor(id), role: 'region', 'aria-labelledby': anchor(id, 'h') }, el('h2', { id: anchor(id, 'h') }, text(title)), ...body);
}

/** A severity's name in its colour class (the name carries the meaning; the colour only helps). */
export const severityBadge = (severity: Severity): Html => el('span', { class: `sev sev-${severity}` }, SEVERITY_LABEL[severity]);

export const p = (content: Html) => el('p', {}, content);
export const ul = (items: readonly Html[]) => el('ul', {}, ...items.map((i) => el('li', {}, i)));
export const ol = (items: readonly Html[]) => el('ol', {}, ...items.map((i) => el('li', {}, i)));
export const strong = (content: Html) => el('strong', {}, content);

/** A chart with its numbers in a table beside it (for screen readers, and for print without colour). */
export function figure(chart: Html, data: Html, wide = false): Html {
  return el('figure', { class: wide ? 'chart-figure wide' : 'chart-figure' }, chart, el('div', { class: 'chart-data' }, data));
}
