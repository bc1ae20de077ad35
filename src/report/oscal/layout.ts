/**
 * How the OSCAL documents are written: indented like the other JSON reports down to the element
 * lists, and each observation, finding, risk, POA&M item and resource on one line of its own.
 * A change to one element is then a one-line diff, and a 10,000-question export is written about
 * three times faster than fully indented. No raw C1 or bidi characters, and a trailing newline.
 */
import { escapeJsonInvisible } from '../../text.js';

/**
 * An element already written as JSON, on one line. The elements of a large export are written as
 * they are made, so its objects are let go one by one instead of all being held until the end
 * beside their text. Read as data (JSON.stringify), it is the element again.
 */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** `value` written as JSON, as an element list's item is. */
export const jsonText = (value: unknown): JsonText => new JsonText(JSON.stringify(value));

/** The lists whose items are written one per line. */
const ONE_PER_LINE = new Set(['observations', 'findings', 'risks', 'poam-items', 'resources']);

/** A value as JSON on one line (an element written already as it is). */
const oneLine = (value: unknown): string => (value instanceof JsonText ? value.text : `${JSON.stringify(value)}`);

/**
 * Appends the text of `value` to `out`, piece by piece: the pieces are joined once, at the end.
 * Joining at every level would copy a large export's text once per level of nesting.
 */
function layout(value: unknown, indent: string, out: string[]): void {
  if (value === null || typeof value !== 'object' || value instanceof JsonText) {
    out.push(oneLine(value));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      out.push(i === 0 ? `\n${inner}` : `,\n${inner}`);
      layout(value[i], inner, out);
    }
    out.push(`\n${indent}]`);
    return;
  }
  // As JSON.stringify does: a field whose value is undefined is not written.
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  if (entries.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  entries.forEach(([key, field], i) => {
    out.push(`${i === 0 ? '\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    if (Array.isArray(field) && field.length > 0 && ONE_PER_LINE.has(key)) {
      out.push('[');
      for (let j = 0; j < field.length; j++) out.push(`${j === 0 ? '\n' : ',\n'}${inner}  ${oneLine(field[j])}`);
      out.push(`\n${inner}]`);
    } else layout(field, inner, out);
  });
  out.push(`\n${indent}}`);
}

/** An OSCAL document as written. */
export function oscalJson(document: unknown): string {
  const out: string[] = [];
  layout(document, '', out);
  out.push('\n');
  return escapeJsonInvisible(out.join(''));
}
