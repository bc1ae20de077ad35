/**
 * The document shell: doctype, language, a Content-Security-Policy that allows nothing but the
 * inline stylesheet and data: images (no script, no request of any kind), the style, the body.
 */
import { defuseWorkflowCommands } from '../../text.js';
import { STYLE } from './style.js';
import { el, link, text } from './markup.js';
import type { Html } from './markup.js';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

export function htmlDocument(title: string, body: Html): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${text(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** A page section: its id (ours), its heading (for the contents) and its markup. */
export type PageSection = readonly [id: string, heading: string, html: Html];

/**
 * A whole page: the title as its heading, what comes before the contents, the contents, the
 * sections and a footer line. Shared by the report, the trend and the roll-up.
 */
export function htmlPage(title: string, intro: Html, sections: readonly PageSection[], footer: string): string {
  const toc = el('nav', { class: 'toc', 'aria-label': 'Contents' }, el('h2', { id: 'contents' }, 'Contents'), el('ol', {}, ...sections.map(([id, heading]) => el('li', {}, link(id, text(heading))))));
  const header = el('header', {}, el('h1', {}, text(title)), intro);
  const body = header + toc + el('main', {}, ...sections.map(([, , html]) => html)) + el('footer', {}, text(footer));
  // A line of input text that starts with `::` would be a workflow command in a CI log: `&#58;` reads the same.
  return defuseWorkflowCommands(htmlDocument(title, body), (indent) => `${indent}&#58;:`);
}
