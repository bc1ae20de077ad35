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

// Anything stripControl may change: a quick test lets clean text (the usual case) skip the rewriting.
const NEEDS_STRIPPING = new RegExp(CONTROL_CHARACTER.source);

/** stripControl, and unpaired surrogates removed too: what machine formats (SARIF, workflow commands) may carry. */
export function stripForMachines(text: string): string {
  return stripControl(text).replace(/[\uD800-\uDFFF]/gu, '');
}

/** Removes terminal escape sequences and control characters (keeps `\t` and `\n`). */
export function stripControl(text: string): string {
  if (!NEEDS_STRIPPING.test(text)) return text;
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
// Text with none of these needs no Markdown escaping at all (most prose, once checked).
const MARKDOWN_SPECIAL = /[\\`*_[\]!~|#<>&$@\n\r\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]|www\.|:\/\/|mailto:|xmpp:|^\s|^(?:[-+=:]|\d+[.)])|\s$/i;

export function escapeMarkdown(text: string): string {
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  return defuseAutolinks(
    stripControl(text)
      .replace(/[\\`*_[\]!~|#<>&$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
      .split('\n')
      .map((line) => line.trim().replace(/^([-+=:])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2'))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}

/**
 * Stops GFM's literal autolinks (`https://…`, `www.…`, `mailto:`/`xmpp:`, bare e-mail addresses) in
 * escaped text: a backslash before the `:`, the `.` after `www` or the `@` keeps the text as it
 * reads but no longer matches, so a note cannot plant a clickable link.
 */
function defuseAutolinks(escaped: string): string {
  return escaped
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(mailto|xmpp):/gi, '$1\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/**
 * GitHub Actions runs any output line that starts with `::` (after leading white space) as a
 * workflow command. Our reports never start a line that way, so a line that does came from input:
 * break it with an escape that reads the same in that format.
 */
export function defuseWorkflowCommands(output: string, escape: (line: string) => string): string {
  // The multi-line pattern is tried at every character of a large report: look for `::` first.
  if (!output.includes('::')) return output;
  return output.replace(/^([ \t]*)::/gm, (_m, indent: string) => escape(indent));
}

/** Plain-text output with any input line that would start with `::` broken by a zero-width space. */
export function defuseForTerminal(output: string): string {
  return defuseWorkflowCommands(output, (indent) => `${indent}:\u200b:`);
}

/** One line for stderr: no control characters, no line breaks from input, never a workflow command. */
export function stderrLine(text: string): string {
  return defuseForTerminal(oneLine(text));
}

/** Text on one line: control characters removed and line breaks shown as `\n`, so input cannot forge lines. */
export function oneLine(text: string): string {
  return showInvisible(stripControl(text.replace(/\r\n?|\n|\u2028|\u2029/g, '\\n')).replace(/\t/g, ' '));
}

/**
 * Characters that show as nothing, or as a plain space: zero-width and joiner characters, bidi
 * marks, the soft hyphen, no-break and other odd spaces, fillers, variation selectors, tag
 * characters. In an id they make two different ids look the same, so messages show them as escapes.
 */
// Variation selectors and the grapheme joiner are combining marks: on their own, they are the point.
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u202f\u205f-\u2064\u206a-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e007f}]/gu;

/** Text with the invisible characters above written as `\uXXXX` (`\u{XXXXX}` beyond U+FFFF). */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A value quoted for a message: JSON quoting, with C1 and other invisible characters shown as escapes. */
export function quote(text: string): string {
  return showInvisible(escapeJsonInvisible(JSON.stringify(text)));
}

/** JSON text with U+007F-U+009F and the line/paragraph separators as \u escapes (JSON.stringify leaves them raw). */
export function escapeJsonInvisible(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A JSON document for output that reaches a terminal: 2-space indent, no raw C1 or bidi
 * characters, and a trailing newline. The newline goes on before the escaping, whose one pass
 * leaves a text that is written out without being copied again (a report can be large).
 */
export function safeJson(value: unknown): string {
  return escapeJsonInvisible(`${JSON.stringify(value, null, 2)}\n`);
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

/**
 * Escapes untrusted text for HTML (and SVG inside HTML): text content and double- or single-quoted
 * attribute values alike. Terminal sequences, control characters and bidi overrides go first, then
 * whatever XML forbids; `&<>"'` become entities, so no tag, attribute, entity or closing `</style>`
 * can come out of input.
 */
export function escapeHtml(text: string): string {
  return escapeXml(stripControl(text));
}
