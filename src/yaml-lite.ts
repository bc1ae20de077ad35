/**
 * A quick reader for plain block YAML: the shape answers files and checklists have, written by the
 * interview or by hand. Starting the full `yaml` parser costs more than the whole rest of `report`,
 * and on a large catalog it is most of the run, so files in this subset skip it: block mappings,
 * sequences of one-line scalars or of mappings, one-line plain and quoted scalars, one-line flow
 * sequences and mappings of those (`[a, "5.1"]`, `{ question: x, is: [yes, partial] }`), `|` and
 * `>` block scalars, comments. For anything else (anchors, tags, multi-line plain or quoted
 * scalars, nested flow mappings, duplicate keys, numbers other than small integers, ...) it
 * returns undefined and the caller uses the full parser, which also explains every error.
 * What it does return equals what the full parser would make, positions included; the unit
 * tests check that against `yaml` on the fixtures and on generated documents.
 */
import { LineIndex, normaliseYamlText, yamlItemsOverLimit } from './source-position.js';
import type { PathSegment, PositionedSource } from './source-position.js';

interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset of the end (before `\n`, and before `\r` of a CRLF). */
  end: number;
  /** Leading spaces. */
  indent: number;
  kind: 'blank' | 'comment' | 'content';
}

/** Where an entry of a mapping starts: its key, and its value. */
interface EntryOffsets {
  key: number;
  value: number;
}

/**
 * Where the children of each mapping (by key) and sequence (by index) start, kept by the node
 * itself: no path strings to build, and a path is followed through the data as it was read.
 */
type Positions = Map<object, Map<string, EntryOffsets> | number[]>;

/** Why reading stopped: the input is outside the subset (never an error of the input itself). */
const OUTSIDE = Symbol('outside the subset');

const MAX_DEPTH = 32;

/** Characters anywhere in the text that the subset does not take (tabs, controls, odd line ends). */
const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
const LONE_CR = /\r(?!\n)/;
/** The core schema's booleans and nulls, which the subset takes as they are. */
const CORE_CONSTANTS: Record<string, boolean | null> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false, null: null, Null: null, NULL: null, '~': null };
/** Plain scalars that the core schema reads as numbers (the subset takes only small integers). */
const NUMBER_PLAIN = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const SMALL_INTEGER = /^[0-9]{1,15}$/;
/** A plain scalar in a one-line flow collection: a word or phrase without flow indicators. */
const FLOW_PLAIN = /^[^-?:,[\]{}#&*!|>'"%@` ][^,[\]{}:#]*$/;
/** A key in a one-line flow mapping: a plain word. */
const FLOW_KEY = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;
const DOUBLE_QUOTED_ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** Reads a file's text if it is in the subset and within the items limit, else undefined. */
export function readPlainYaml(text: string, file: string): PositionedSource | undefined {
  const normalised = normaliseYamlText(text);
  return yamlItemsOverLimit(normalised) === undefined ? parseYamlLite(normalised, file) : undefined;
}

/** Reads `text` (already normalised: see normaliseYamlText) if it is in the subset, else undefined. */
export function parseYamlLite(text: string, file: string): PositionedSource | undefined {
  // Two tests, as a character class alone scans several times faster than with the alternative.
  if (UNSUPPORTED_CHARACTER.test(text) || (text.includes('\r') && LONE_CR.test(text))) return undefined;
  try {
    return new LiteReader(text).read(file);
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

/** Trailing spaces off (not other white space: YAML keeps a trailing no-break space). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Whether the core schema could read a plain scalar as other than a string (cheap test first: this runs for every key and value). */
function maybeNotString(raw: string): boolean {
  const c = raw.charCodeAt(0);
  // digits + - . ~ and the first letters of null, true, false in either case
  const candidate = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  return candidate && (Object.prototype.hasOwnProperty.call(CORE_CONSTANTS, raw) || NUMBER_PLAIN.test(raw));
}

/** Characters that may not start a plain scalar (the subset also leaves out `-`, `?` and `:`). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
const startsWithIndicator = (text: string) => text.length > 0 && INDICATORS.includes(text[0]!);


class LiteReader {
  private readonly lines: Line[] = [];
  private index = 0;
  private readonly positions: Positions = new Map();

  constructor(private readonly text: string) {
    for (let start = 0; start <= text.length; ) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = text.length;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      let indent = 0;
      while (start + indent < end && text.charCodeAt(start + indent) === 32) indent++;
      const first = start + indent < end ? text[start + indent] : undefined;
      this.lines.push({ start, end, indent, kind: first === undefined ? 'blank' : first === '#' ? 'comment' : 'content' });
      start = next + 1;
    }
  }

  read(file: string): PositionedSource {
    this.skipToContent();
    const first = this.lines[this.index];
    if (first && this.lineText(first) === '---' && first.indent === 0) {
      this.index++;
      this.skipToContent();
    }
    const top = this.lines[this.index];
    if (!top || top.indent !== 0 || !this.isKeyLine(top)) throw OUTSIDE;
    const data = this.mapping(0, 0);
    this.skipToContent();
    if (this.index < this.lines.length) throw OUTSIDE;
    const positions = this.positions;
    const rootOffset = top.start;
    return {
      file,
      text: this.text,
      data,
      problems: [],
      lineCounter: new LineIndex(this.text),
      offsetOf(path, keyName) {
        let at = rootOffset;
        let node: unknown = data;
        let known = 0;
        for (const segment of path) {
          // An index only walks into a sequence, a name only into a mapping (as in the full reader).
          const children = typeof node === 'object' && node !== null ? positions.get(node) : undefined;
          const offset = Array.isArray(children)
            ? typeof segment === 'number' ? children[segment] : undefined
            : typeof segment === 'string' ? children?.get(segment)?.value : undefined;
          if (offset === undefined) break;
          at = offset;
          node = (node as Record<PathSegment, unknown>)[segment];
          known++;
        }
        if (keyName !== undefined && known === path.length) {
          const children = typeof node === 'object' && node !== null ? positions.get(node) : undefined;
          const entry = Array.isArray(children) ? undefined : children?.get(keyName);
          if (entry) at = entry.key;
        }
        return at;
      },
    };
  }

  /** The entries of a block mapping whose keys stand at column `indent`. */
  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const map: Record<string, unknown> = {};
    const entries = new Map<string, EntryOffsets>();
    this.positions.set(map, entries);
    for (;;) {
      this.skipToContent();
      const line = this.lines[this.index];
      if (!line || line.indent < indent) return map;
      if (line.indent > indent || !this.isKeyLine(line)) throw OUTSIDE;
      const { key, colon } = this.keyOf(line);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw OUTSIDE;
      this.index++;
      const { value, offset } = this.value(line, colon + 1, indent, depth);
      map[key] = value;
      entries.set(key, { key: line.start + line.indent, value: offset });
    }
  }

  /** A sequence of one-line scalars or of mappings, whose dashes stand at column `indent`. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const items: unknown[] = [];
    const offsets: number[] = [];
    this.positions.set(items, offsets);
    for (;;) {
      this.skipToContent();
      const line = this.lines[this.index];
      if (!line || line.indent < indent || (line.indent === indent && !this.isDashLine(line))) return items;
      if (line.indent > indent) throw OUTSIDE;
      this.index++;
      const from = this.skipSpaces(line.start + line.indent + 1, line.end);
      if (from === line.end || this.text[from] === '#') throw OUTSIDE;
      offsets.push(from);
      // `- key: value`: a mapping whose keys stand where this first one does.
      const column = from - line.start;
      const asMapping: Line = { start: line.start, end: line.end, indent: column, kind: 'content' };
      if (this.isKeyLine(asMapping)) {
        this.lines[--this.index] = asMapping;
        items.push(this.mapping(column, depth + 1));
        continue;
      }
      items.push(this.inlineScalar(line, from));
      this.forbidDeeper(indent);
    }
  }

  /** The value after `key:` (from offset `from` on `line`), which may continue on the next lines. */
  private value(line: Line, from: number, indent: number, depth: number): { value: unknown; offset: number } {
    const start = this.skipSpaces(from, line.end);
    if (start === line.end || this.text[start] === '#') {
      // Nothing on this line: a nested block, or an empty value (null).
      this.skipToContent();
      const next = this.lines[this.index];
      if (next && next.indent > indent) {
        if (start < line.end) throw OUTSIDE; // a comment before a nested block: rare, left to the full parser
        const offset = next.start + next.indent;
        if (this.isDashLine(next)) return { value: this.sequence(next.indent, depth + 1), offset };
        if (!this.isKeyLine(next)) throw OUTSIDE;
        return { value: this.mapping(next.indent, depth + 1), offset };
      }
      if (next && next.indent === indent && this.isDashLine(next)) {
        if (start < line.end) throw OUTSIDE;
        return { value: this.sequence(indent, depth + 1), offset: next.start + next.indent };
      }
      return { value: null, offset: start };
    }
    const first = this.text[start];
    if (first === '|' || first === '>') return { value: this.blockScalar(line, start, indent), offset: start };
    let value: unknown;
    if (first === '[' || first === '{') {
      const flow = first === '[' ? this.flowSequence(start, line.end) : this.flowMapping(start, line.end);
      this.expectLineEnd(flow.end, line.end);
      value = flow.value;
    } else value = this.inlineScalar(line, start);
    this.forbidDeeper(indent);
    return { value, offset: start };
  }

  /** `[a, "b"]` on one line (as `checklists:` and `refs:` are written); `end` is after the `]`. */
  private flowSequence(from: number, lineEnd: number): { value: unknown[]; end: number } {
    const items: unknown[] = [];
    const offsets: number[] = [];
    this.positions.set(items, offsets);
    let i = this.skipSpaces(from + 1, lineEnd);
    if (this.text[i] === ']') return { value: items, end: i + 1 };
    for (;;) {
      const item = this.flowScalar(i, lineEnd, ']');
      offsets.push(i);
      items.push(item.value);
      i = this.skipSpaces(item.end, lineEnd);
      if (this.text[i] === ']') return { value: items, end: i + 1 };
      if (this.text[i] !== ',') throw OUTSIDE;
      i = this.skipSpaces(i + 1, lineEnd);
    }
  }

  /** `{}` or `{ key: value, ... }` on one line, of plain keys and flow scalars or sequences (as `when:` is written). */
  private flowMapping(from: number, lineEnd: number): { value: Record<string, unknown>; end: number } {
    const map: Record<string, unknown> = {};
    const entries = new Map<string, EntryOffsets>();
    this.positions.set(map, entries);
    let i = this.skipSpaces(from + 1, lineEnd);
    if (this.text[i] === '}') return { value: map, end: i + 1 };
    for (;;) {
      const colon = this.indexInLine(':', i, lineEnd);
      if (colon === -1 || this.text[colon + 1] !== ' ') throw OUTSIDE;
      const key = this.text.slice(i, colon);
      if (!FLOW_KEY.test(key) || maybeNotString(key) || key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key)) throw OUTSIDE;
      const valueFrom = this.skipSpaces(colon + 1, lineEnd);
      const item = this.text[valueFrom] === '[' ? this.flowSequence(valueFrom, lineEnd) : this.flowScalar(valueFrom, lineEnd, '}');
      map[key] = item.value;
      entries.set(key, { key: i, value: valueFrom });
      i = this.skipSpaces(item.end, lineEnd);
      if (this.text[i] === '}') return { value: map, end: i + 1 };
      if (this.text[i] !== ',') throw OUTSIDE;
      i = this.skipSpaces(i + 1, lineEnd);
    }
  }

  /** A quoted or plain scalar inside a flow collection that `close` ends; `end` is just after it. */
  private flowScalar(from: number, lineEnd: number, close: string): { value: unknown; end: number } {
    const first = this.text[from];
    if (first === '"') return this.doubleQuoted(from + 1, lineEnd);
    if (first === "'") return this.singleQuoted(from + 1, lineEnd);
    let end = from;
    while (end < lineEnd && this.text[end] !== ',' && this.text[end] !== close) end++;
    const raw = trimSpaces(this.text.slice(from, end));
    if (!FLOW_PLAIN.test(raw)) throw OUTSIDE;
    return { value: this.plainValue(raw), end: from + raw.length };
  }

  /** A one-line plain or quoted scalar starting at `from`, up to the end of the line or a comment. */
  private inlineScalar(line: Line, from: number): unknown {
    const first = this.text[from];
    if (first === '"' || first === "'") {
      const { value, end } = first === '"' ? this.doubleQuoted(from + 1, line.end) : this.singleQuoted(from + 1, line.end);
      this.expectLineEnd(end, line.end);
      return value;
    }
    const rest = this.text.slice(from, line.end);
    const comment = rest.indexOf(' #');
    const raw = trimSpaces(comment === -1 ? rest : rest.slice(0, comment));
    if (startsWithIndicator(raw) || raw.includes(': ') || raw.endsWith(':')) throw OUTSIDE;
    return this.plainValue(raw);
  }

  /** A plain scalar as the core schema reads it: a string, a small integer, a boolean or null (else outside the subset). */
  private plainValue(raw: string): string | number | boolean | null {
    if (!maybeNotString(raw)) return raw;
    if (SMALL_INTEGER.test(raw)) return Number.parseInt(raw, 10);
    if (Object.prototype.hasOwnProperty.call(CORE_CONSTANTS, raw)) return CORE_CONSTANTS[raw]!;
    throw OUTSIDE;
  }

  private doubleQuoted(from: number, end: number): { value: string; end: number } {
    let value = '';
    for (let i = from; i < end; i++) {
      const c = this.text[i]!;
      if (c === '"') return { value, end: i + 1 };
      if (c !== '\\') {
        value += c;
        continue;
      }
      const escaped = this.text[++i];
      const simple = escaped === undefined ? undefined : DOUBLE_QUOTED_ESCAPES[escaped];
      if (simple !== undefined) value += simple;
      else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(i + 1, i + 5))) {
        const code = Number.parseInt(this.text.slice(i + 1, i + 5), 16);
        if (code >= 0xd800 && code <= 0xdfff) throw OUTSIDE;
        value += String.fromCharCode(code);
        i += 4;
      } else throw OUTSIDE;
    }
    throw OUTSIDE; // not closed on this line
  }

  private singleQuoted(from: number, end: number): { value: string; end: number } {
    let value = '';
    for (let i = from; i < end; i++) {
      const c = this.text[i]!;
      if (c !== "'") value += c;
      else if (this.text[i + 1] === "'" && i + 1 < end) {
        value += "'";
        i++;
      } else return { value, end: i + 1 };
    }
    throw OUTSIDE;
  }

  /** `|` or `>` with optional `-` (strip) at `from`; the content is the more-indented lines below. */
  private blockScalar(line: Line, from: number, parentIndent: number): string {
    const header = /^[|>]-?(?= *(?:#|$))/.exec(this.text.slice(from, line.end));
    if (!header) throw OUTSIDE;
    const folded = header[0][0] === '>';
    const strip = header[0].length === 2;
    const afterHeader = this.skipSpaces(from + header[0].length, line.end);
    if (afterHeader < line.end && afterHeader === from + header[0].length) throw OUTSIDE;
    const content: (string | null)[] = []; // null = an empty line
    let blockIndent = -1;
    for (;;) {
      const next = this.lines[this.index];
      if (!next) break;
      if (next.kind === 'blank') {
        if (next.end - next.start > Math.max(blockIndent, 0) || blockIndent < 0) throw OUTSIDE;
        content.push(null);
        this.index++;
        continue;
      }
      if (blockIndent < 0) {
        if (next.indent <= parentIndent) throw OUTSIDE; // an empty block scalar
        blockIndent = next.indent;
      }
      if (next.indent < blockIndent) break;
      const text = this.text.slice(next.start + blockIndent, next.end);
      if (text.endsWith(' ') || (folded && text.startsWith(' '))) throw OUTSIDE;
      content.push(text);
      this.index++;
    }
    while (content.length && content[content.length - 1] === null) content.pop();
    if (content.length === 0) throw OUTSIDE;
    let value = '';
    for (let i = 0; i < content.length; i++) {
      const text = content[i];
      if (text === null) {
        value += '\n';
        continue;
      }
      // Literal keeps every line break; folded turns one between two lines into a space, and drops
      // the one before a run of empty lines (each of which stands for a line break).
      if (i > 0 && (!folded || content[i - 1] !== null)) value += folded ? ' ' : '\n';
      value += text;
    }
    return strip ? value : `${value}\n`;
  }

  /** After a one-line value, a deeper line would continue it (or be an error): left to the full parser. */
  private forbidDeeper(indent: number): void {
    for (let i = this.index; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.kind === 'blank') continue;
      if (line.indent > indent) throw OUTSIDE;
      return;
    }
  }

  private expectLineEnd(from: number, end: number): void {
    const rest = this.skipSpaces(from, end);
    if (rest < end && (this.text[rest] !== '#' || rest === from)) throw OUTSIDE;
  }

  /** `key: ...` or `key:` with a plain key that the core schema reads as a string. */
  private isKeyLine(line: Line): boolean {
    return line.kind === 'content' && this.keyEnd(line) !== -1;
  }

  private isDashLine(line: Line): boolean {
    const at = line.start + line.indent;
    return line.kind === 'content' && this.text[at] === '-' && (at + 1 === line.end || this.text[at + 1] === ' ');
  }

  /** Offset of the colon that ends a key on `line`, or -1. */
  private keyEnd(line: Line): number {
    for (let i = this.indexInLine(':', line.start + line.indent, line.end); i !== -1; i = this.indexInLine(':', i + 1, line.end)) {
      if (i + 1 === line.end || this.text[i + 1] === ' ') return i;
    }
    return -1;
  }

  /** Offset of `char` in [from, end), or -1: the search stops at the line end (on the text itself it would run on to the next match, quadratic on long lists). */
  private indexInLine(char: string, from: number, end: number): number {
    const at = this.text.slice(from, end).indexOf(char);
    return at === -1 ? -1 : from + at;
  }

  private keyOf(line: Line): { key: string; colon: number } {
    const colon = this.keyEnd(line);
    const key = this.text.slice(line.start + line.indent, colon);
    if (
      key === '' ||
      (line.indent === 0 && /^\.\.\.(?: |$)/.test(key)) || // `...` at column 0 ends the document
      key.length > 1000 ||
      key.endsWith(' ') ||
      key.includes(':') ||
      startsWithIndicator(key) ||
      key.includes(' #') ||
      maybeNotString(key) ||
      key === '__proto__'
    ) {
      throw OUTSIDE;
    }
    return { key, colon };
  }

  private lineText(line: Line): string {
    return trimSpaces(this.text.slice(line.start, line.end));
  }

  private skipSpaces(from: number, end: number): number {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  private skipToContent(): void {
    while (this.index < this.lines.length && this.lines[this.index]!.kind !== 'content') this.index++;
  }
}
