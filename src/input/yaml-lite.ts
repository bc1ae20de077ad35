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

/** What a line holds (see LiteReader's line table). */
const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

/**
 * Where the children of each mapping and sequence start, kept by the node itself: no path strings
 * to build, and a path is followed through the data as it was read. A mapping's Map gives, for
 * each key, the index of its pair in EntryOffsets (key offset, then value offset); a sequence's
 * array holds each item's offset.
 */
type Positions = Map<object, Map<string, number> | number[]>;

/** The offsets of mapping entries, two numbers each: where the key starts, and where the value does. */
type EntryOffsets = number[];

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
/**
 * What ends a run of a quoted scalar's characters, searched from lastIndex. A search that passes the
 * line's end means the scalar is not closed there, which ends the quick read: it happens once at most.
 */
const DOUBLE_QUOTED_MARKS = /["\\]/g;
const SINGLE_QUOTE = /'/g;
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
  // A number starts with a digit, + - or . (and the pattern only runs then: `note` and `no` are
  // common); a boolean or null with ~ or the first letter of null, true, false in either case.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return NUMBER_PLAIN.test(raw);
  const constant = c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  return constant && Object.prototype.hasOwnProperty.call(CORE_CONSTANTS, raw);
}

/** Characters that may not start a plain scalar (the subset also leaves out `-`, `?` and `:`). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
const startsWithIndicator = (text: string) => text.length > 0 && INDICATORS.includes(text[0]!);


/**
 * Reads the subset line by line. Lines live in a table of numbers rather than an object each, and
 * a value's offset is left in a field rather than returned in an object: a start-up reads its
 * files with cold code, where every allocation and call shows (this reader is most of `report`'s
 * own work on a consultant's answers file).
 */
class LiteReader {
  /** Per line: the offset of its first character, of its end (before `\n`, and before the `\r` of a CRLF), its leading spaces and what it holds. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  private readonly kinds: number[] = [];
  /** Per line: the offset of the colon that ends its key, -1 if it has none, -2 until looked for. */
  private readonly colons: number[] = [];
  private readonly count: number;
  private index = 0;
  private readonly positions: Positions = new Map();
  private readonly entryOffsets: EntryOffsets = [];
  /** Where the value that value() last read starts. */
  private valueOffset = 0;
  /** The last search for a colon: the first one at or after colonFrom is at colonFound (-1: none). */
  private colonFrom = Number.POSITIVE_INFINITY;
  private colonFound = -1;

  constructor(private readonly text: string) {
    const length = text.length;
    for (let start = 0; start <= length; ) {
      let next = text.indexOf('\n', start);
      if (next === -1) next = length;
      const end = next > start && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
      let first = start;
      while (first < end && text.charCodeAt(first) === 32) first++;
      this.starts.push(start);
      this.ends.push(end);
      this.indents.push(first - start);
      this.kinds.push(first === end ? BLANK : text.charCodeAt(first) === 35 ? COMMENT : CONTENT);
      this.colons.push(-2);
      start = next + 1;
    }
    this.count = this.starts.length;
  }

  read(file: string): PositionedSource {
    const first = this.nextContent();
    if (first < this.count && this.indents[first] === 0 && this.isDocumentStart(first)) {
      this.index++;
      this.nextContent();
    }
    const top = this.nextContent();
    if (top === this.count || this.indents[top] !== 0 || !this.isKeyLine(top)) throw OUTSIDE;
    const data = this.mapping(0, 0);
    if (this.nextContent() < this.count) throw OUTSIDE;
    const positions = this.positions;
    const entryOffsets = this.entryOffsets;
    const rootOffset = this.starts[top]!;
    return {
      file,
      text: this.text,
      data,
      problems: [],
      lineCounter: new LineIndex(this.text, this.starts),
      offsetOf(path, keyName) {
        let at = rootOffset;
        let node: unknown = data;
        let known = 0;
        for (const segment of path) {
          // An index only walks into a sequence, a name only into a mapping (as in the full reader).
          const children = typeof node === 'object' && node !== null ? positions.get(node) : undefined;
          let offset: number | undefined;
          if (Array.isArray(children)) offset = typeof segment === 'number' ? children[segment] : undefined;
          else if (children !== undefined && typeof segment === 'string') {
            const entry = children.get(segment);
            offset = entry === undefined ? undefined : entryOffsets[entry + 1];
          }
          if (offset === undefined) break;
          at = offset;
          node = (node as Record<PathSegment, unknown>)[segment];
          known++;
        }
        if (keyName !== undefined && known === path.length) {
          const children = typeof node === 'object' && node !== null ? positions.get(node) : undefined;
          const entry = Array.isArray(children) ? undefined : children?.get(keyName);
          if (entry !== undefined) at = entryOffsets[entry]!;
        }
        return at;
      },
    };
  }

  /** The entries of a block mapping whose keys stand at column `indent`. */
  private mapping(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const map: Record<string, unknown> = {};
    const entries = new Map<string, number>();
    this.positions.set(map, entries);
    for (;;) {
      const i = this.nextContent();
      if (i === this.count || this.indents[i]! < indent) return map;
      if (this.indents[i]! > indent || !this.isKeyLine(i)) throw OUTSIDE;
      const key = this.keyOf(i);
      // The Map has every key the mapping has: a duplicate key is left to the full parser.
      if (entries.has(key)) throw OUTSIDE;
      this.index++;
      const value = this.value(i, this.colons[i]! + 1, indent, depth);
      map[key] = value;
      entries.set(key, this.entryOffsets.length);
      this.entryOffsets.push(this.starts[i]! + indent, this.valueOffset);
    }
  }

  /** A sequence of one-line scalars or of mappings, whose dashes stand at column `indent`. */
  private sequence(indent: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw OUTSIDE;
    const items: unknown[] = [];
    const offsets: number[] = [];
    this.positions.set(items, offsets);
    for (;;) {
      const i = this.nextContent();
      if (i === this.count || this.indents[i]! < indent || (this.indents[i] === indent && !this.isDashLine(i))) return items;
      if (this.indents[i]! > indent) throw OUTSIDE;
      this.index++;
      const end = this.ends[i]!;
      const from = this.skipSpaces(this.starts[i]! + indent + 1, end);
      if (from === end || this.text.charCodeAt(from) === 35) throw OUTSIDE;
      offsets.push(from);
      // `- key: value`: a mapping whose keys stand where this first one does. The line is read
      // again as that mapping's first line, indented to its key.
      const column = from - this.starts[i]!;
      this.indents[i] = column;
      this.colons[i] = -2;
      if (this.isKeyLine(i)) {
        this.index--;
        items.push(this.mapping(column, depth + 1));
        continue;
      }
      items.push(this.inlineScalar(from, end));
      this.forbidDeeper(indent);
    }
  }

  /**
   * The value after `key:` (from offset `from` on line `i`), which may continue on the next lines;
   * where it starts is left in valueOffset.
   */
  private value(i: number, from: number, indent: number, depth: number): unknown {
    const text = this.text;
    const end = this.ends[i]!;
    const start = this.skipSpaces(from, end);
    if (start === end || text.charCodeAt(start) === 35) {
      // Nothing on this line: a nested block, or an empty value (null).
      const next = this.nextContent();
      if (next < this.count && this.indents[next]! > indent) {
        if (start < end) throw OUTSIDE; // a comment before a nested block: rare, left to the full parser
        const nextIndent = this.indents[next]!;
        let value: unknown;
        if (this.isDashLine(next)) value = this.sequence(nextIndent, depth + 1);
        else if (this.isKeyLine(next)) value = this.mapping(nextIndent, depth + 1);
        else throw OUTSIDE;
        this.valueOffset = this.starts[next]! + nextIndent;
        return value;
      }
      if (next < this.count && this.indents[next] === indent && this.isDashLine(next)) {
        if (start < end) throw OUTSIDE;
        const value = this.sequence(indent, depth + 1);
        this.valueOffset = this.starts[next]! + indent;
        return value;
      }
      this.valueOffset = start;
      return null;
    }
    const first = text.charCodeAt(start);
    let value: unknown;
    if (first === 124 || first === 62) {
      // `|` or `>`: a block scalar, which ends where the indentation does (no deeper line is left).
      value = this.blockScalar(start, end, indent);
      this.valueOffset = start;
      return value;
    }
    if (first === 91 || first === 123) {
      const flow = first === 91 ? this.flowSequence(start, end) : this.flowMapping(start, end);
      this.expectLineEnd(flow.end, end);
      value = flow.value;
    } else value = this.inlineScalar(start, end);
    this.forbidDeeper(indent);
    this.valueOffset = start;
    return value;
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
    const entries = new Map<string, number>();
    this.positions.set(map, entries);
    let i = this.skipSpaces(from + 1, lineEnd);
    if (this.text[i] === '}') return { value: map, end: i + 1 };
    for (;;) {
      const colon = this.indexInLine(':', i, lineEnd);
      if (colon === -1 || this.text[colon + 1] !== ' ') throw OUTSIDE;
      const key = this.text.slice(i, colon);
      if (!FLOW_KEY.test(key) || maybeNotString(key) || key === '__proto__' || entries.has(key)) throw OUTSIDE;
      const valueFrom = this.skipSpaces(colon + 1, lineEnd);
      const item = this.text[valueFrom] === '[' ? this.flowSequence(valueFrom, lineEnd) : this.flowScalar(valueFrom, lineEnd, '}');
      map[key] = item.value;
      entries.set(key, this.entryOffsets.length);
      this.entryOffsets.push(i, valueFrom);
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

  /** A one-line plain or quoted scalar from offset `from` to the line's `end` or a comment. */
  private inlineScalar(from: number, end: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(from);
    if (first === 34 || first === 39) {
      const quoted = first === 34 ? this.doubleQuoted(from + 1, end) : this.singleQuoted(from + 1, end);
      this.expectLineEnd(quoted.end, end);
      return quoted.value;
    }
    // Searched within the line: on the whole text, a search that finds nothing would run to its end.
    const comment = this.indexInLine(' #', from, end);
    let stop = comment === -1 ? end : comment;
    while (stop > from && text.charCodeAt(stop - 1) === 32) stop--;
    const raw = text.slice(from, stop);
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

  /** Up to the first of `marks` (or `end`): runs without an escape are copied whole, never a character at a time. */
  private runTo(from: number, end: number, marks: RegExp): number {
    marks.lastIndex = from;
    const found = marks.exec(this.text);
    return found === null || found.index > end ? end : found.index;
  }

  private doubleQuoted(from: number, end: number): { value: string; end: number } {
    let value = '';
    for (let i = from; i < end; i++) {
      const stop = this.runTo(i, end, DOUBLE_QUOTED_MARKS);
      value += this.text.slice(i, stop);
      i = stop;
      const c = this.text[i];
      if (i >= end || c === undefined) break;
      if (c === '"') return { value, end: i + 1 };
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
      const stop = this.runTo(i, end, SINGLE_QUOTE);
      value += this.text.slice(i, stop);
      i = stop;
      if (i >= end) break;
      if (this.text[i + 1] === "'" && i + 1 < end) {
        value += "'";
        i++;
      } else return { value, end: i + 1 };
    }
    throw OUTSIDE;
  }

  /**
   * `|` or `>` with an optional `-` (strip) at `from` on a line that ends at `end`; the content is
   * the more-indented lines below (the first sets the block's indentation).
   */
  private blockScalar(from: number, end: number, parentIndent: number): string {
    const text = this.text;
    const folded = text.charCodeAt(from) === 62;
    let headerEnd = from + 1;
    const strip = headerEnd < end && text.charCodeAt(headerEnd) === 45;
    if (strip) headerEnd++;
    // After the header: nothing, or a comment after a space (no indentation or keep indicator).
    const afterHeader = this.skipSpaces(headerEnd, end);
    if (afterHeader < end && (text.charCodeAt(afterHeader) !== 35 || afterHeader === headerEnd)) throw OUTSIDE;
    const lines: number[] = []; // line numbers; -1 for an empty line
    let blockIndent = -1;
    for (; this.index < this.count; this.index++) {
      const k = this.index;
      const indent = this.indents[k]!;
      if (this.kinds[k] === BLANK) {
        if (blockIndent < 0 || this.ends[k]! - this.starts[k]! > blockIndent) throw OUTSIDE;
        lines.push(-1);
        continue;
      }
      if (blockIndent < 0) {
        if (indent <= parentIndent) throw OUTSIDE; // an empty block scalar
        blockIndent = indent;
      }
      if (indent < blockIndent) break;
      // Trailing spaces, and folded lines indented more than the block, are left to the full parser.
      if (text.charCodeAt(this.ends[k]! - 1) === 32 || (folded && indent > blockIndent)) throw OUTSIDE;
      lines.push(k);
    }
    while (lines.length && lines[lines.length - 1] === -1) lines.pop();
    if (lines.length === 0) throw OUTSIDE;
    const parts: string[] = [];
    for (let n = 0; n < lines.length; n++) {
      const k = lines[n]!;
      if (k === -1) {
        parts.push('\n');
        continue;
      }
      // Literal keeps every line break; folded turns one between two lines into a space, and drops
      // the one before a run of empty lines (each of which stands for a line break).
      if (n > 0 && (!folded || lines[n - 1] !== -1)) parts.push(folded ? ' ' : '\n');
      parts.push(text.slice(this.starts[k]! + blockIndent, this.ends[k]));
    }
    if (!strip) parts.push('\n');
    // Joined in one go: a flat string, where adding piece by piece would leave a chain of pieces
    // that the first reader of the note (a trim, the report) copies flat again.
    return parts.join('');
  }

  /** After a one-line value, a deeper line would continue it (or be an error): left to the full parser. */
  private forbidDeeper(indent: number): void {
    for (let i = this.index; i < this.count; i++) {
      if (this.kinds[i] === BLANK) continue;
      if (this.indents[i]! > indent) throw OUTSIDE;
      return;
    }
  }

  private expectLineEnd(from: number, end: number): void {
    const rest = this.skipSpaces(from, end);
    if (rest < end && (this.text[rest] !== '#' || rest === from)) throw OUTSIDE;
  }

  /** Line `i` is `---` alone (trailing spaces aside): the start of the document. */
  private isDocumentStart(i: number): boolean {
    const start = this.starts[i]!;
    let end = this.ends[i]!;
    while (end > start && this.text.charCodeAt(end - 1) === 32) end--;
    return end - start === 3 && this.text.startsWith('---', start);
  }

  /** `key: ...` or `key:` with a plain key that the core schema reads as a string. */
  private isKeyLine(i: number): boolean {
    return this.kinds[i] === CONTENT && this.keyEnd(i) !== -1;
  }

  private isDashLine(i: number): boolean {
    const at = this.starts[i]! + this.indents[i]!;
    return this.kinds[i] === CONTENT && this.text.charCodeAt(at) === 45 && (at + 1 === this.ends[i] || this.text.charCodeAt(at + 1) === 32);
  }

  /** Offset of the colon that ends a key on line `i` (a colon before a space or the line end), or -1; found once per line. */
  private keyEnd(i: number): number {
    const known = this.colons[i]!;
    if (known !== -2) return known;
    const end = this.ends[i]!;
    let found = -1;
    for (let c = this.colonAt(this.starts[i]! + this.indents[i]!); c !== -1 && c < end; c = this.colonAt(c + 1)) {
      if (c + 1 === end || this.text.charCodeAt(c + 1) === 32) {
        found = c;
        break;
      }
    }
    this.colons[i] = found;
    return found;
  }

  /**
   * Offset of the first colon at or after `from`, or -1. Lines are read in order, so the last
   * search usually answers the next: a line without a colon does not search the rest of the text
   * again (that would be quadratic on a long list).
   */
  private colonAt(from: number): number {
    if (from < this.colonFrom || (this.colonFound !== -1 && from > this.colonFound)) {
      this.colonFrom = from;
      this.colonFound = this.text.indexOf(':', from);
    }
    return this.colonFound;
  }

  /** Offset of `search` in [from, end), or -1: the search stops at the line end (on the text itself it would run on to the next match, quadratic on long lists). */
  private indexInLine(search: string, from: number, end: number): number {
    const at = this.text.slice(from, end).indexOf(search);
    return at === -1 ? -1 : from + at;
  }

  /** The key on line `i`, a key line (see isKeyLine). */
  private keyOf(i: number): string {
    const from = this.starts[i]! + this.indents[i]!;
    const key = this.text.slice(from, this.colons[i]);
    if (
      key === '' ||
      (this.indents[i] === 0 && key.startsWith('...') && (key.length === 3 || key.charCodeAt(3) === 32)) || // `...` at column 0 ends the document
      key.length > 1000 ||
      key.charCodeAt(key.length - 1) === 32 ||
      key.includes(':') ||
      startsWithIndicator(key) ||
      key.includes(' #') ||
      maybeNotString(key) ||
      key === '__proto__'
    ) {
      throw OUTSIDE;
    }
    return key;
  }

  private skipSpaces(from: number, end: number): number {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  /** Skips blank and comment lines; the index of the next content line (or the line count). */
  private nextContent(): number {
    while (this.index < this.count && this.kinds[this.index] !== CONTENT) this.index++;
    return this.index;
  }
}
