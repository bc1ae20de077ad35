/**
 * Untrusted text (from checklists and answers files) is made safe here for each output:
 * terminals, Markdown and XML. Renderers never print input text without one of these.
 */

// CSI, OSC (terminated by BEL or ST), DCS/SOS/PM/APC strings and two-byte ESC sequences.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|[\u001b\u009d\u0090\u0098\u009e\u009f][\]PX^_]?[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[ -/]*[0-~]/g;
// Every remaining C0/C1 control character but tab and newline, plus DEL, and the Unicode
// line/paragraph separators and bidi overrides that can reorder what a reader sees.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Removes terminal escape sequences and control characters (keeps `\t` and `\n`). */
export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL_CHARACTER, '');
}

/** Safe for a terminal on a single line: control characters removed, whitespace runs folded. */
export function terminalLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/**
 * Escapes text so Markdown renders it literally: inline syntax (`\` first, then the punctuation
 * that builds links, images, emphasis, code, tables and HTML) and, at the start of a line, what
 * would open a heading, list, quote, code block or setext underline.
 */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/[\\`*_[\]!~|#<>&$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .split('\n')
    .map((line) => line.trim().replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Escapes text for one Markdown table cell: inline escaping, and newlines folded to spaces. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** Escapes text for XML 1.0 content or attribute values and drops characters XML forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}
