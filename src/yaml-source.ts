/**
 * Reads a YAML input file defensively and keeps what is needed to point at any node:
 * every failure becomes a Problem with file:line:col, never an exception.
 */
import { readFileSync, statSync } from 'node:fs';
import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type { Problem } from './problems.js';
import { quote } from './text.js';

/** Limits that keep a hostile file from eating the machine; both configurable by env. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_ALIASES = 100;

export interface YamlSource {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineIndex;
  /** The document as plain data, or undefined when it could not be built. */
  data: unknown;
  problems: Problem[];
}

export type PathSegment = string | number;

/** Maximum file size in bytes: BREACHREADY_MAX_FILE_MB overrides the default. */
export function maxFileBytes(): number {
  const mb = Number(process.env.BREACHREADY_MAX_FILE_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_MAX_FILE_BYTES;
}

/** Reads a file as UTF-8 text; every failure is one Problem at 1:1 (or at the bad byte). */
export function readTextFile(file: string): { text?: string; problem?: Problem } {
  const at = (message: string, line = 1, col = 1): { problem: Problem } => ({
    problem: { file, line, col, message },
  });
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return at('is a directory, expected a YAML file');
    if (!stat.isFile()) return at('is not a regular file');
    size = stat.size;
  } catch (error) {
    return at(describeFsError(error));
  }
  const limit = maxFileBytes();
  if (size > limit) {
    return at(
      `file is ${(size / 1048576).toFixed(1)} MB, over the ${(limit / 1048576).toFixed(0)} MB limit (set BREACHREADY_MAX_FILE_MB to raise it)`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return at(describeFsError(error));
  }
  return decodeUtf8(bytes, file);
}

/** Strict UTF-8 decoding: an invalid byte is reported at its line and column. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; problem?: Problem } {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes) };
  const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
  return { problem: { file, line, col, message: 'invalid UTF-8 byte: the file must be UTF-8 text' } };
}

/** Index of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    if (i + length > n) return i;
    const second = bytes[i + 1]!;
    if (second < min || second > max) return i;
    for (let k = 2; k < length; k++) {
      const c = bytes[i + k]!;
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a YAML file';
    default:
      return `cannot read the file (${code ?? String(error)})`;
  }
}

/**
 * Line and column of an offset, from our own index of line starts: the parser's line counter can
 * lose lines after some syntax errors, and positions must stay right in exactly those cases.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 1-based line and column (in UTF-16 code units, as editors count them). */
  linePos(offset: number): { line: number; col: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: offset - this.starts[low]! + 1 };
  }
}

/** Lines plus commas: a cheap upper bound of the nodes a YAML text can make, checked before parsing. */
export const DEFAULT_MAX_YAML_ITEMS = 5_000_000;
function maxYamlItems(): number {
  const value = Number(process.env.BREACHREADY_MAX_YAML_ITEMS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_YAML_ITEMS;
}

/** Parses YAML text strictly: duplicate keys, tags, too many aliases are problems. */
export function parseYaml(text: string, file: string): YamlSource {
  // A BOM is dropped; a file with CR line ends only (classic Mac) gets LFs, so lines count right.
  const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const source = unmarked.includes('\n') ? unmarked : unmarked.replace(/\r/g, '\n');
  const lineCounter = new LineIndex(source);
  const limit = maxYamlItems();
  let items = 0;
  for (let i = 0; i < source.length && items <= limit; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || c === 44) items++;
  }
  if (items > limit) {
    const empty = parseDocument('', { schema: 'core' });
    const problem = { file, line: 1, col: 1, message: `too many YAML lines and items (over ${limit}): not parsed (set BREACHREADY_MAX_YAML_ITEMS to raise the limit)` };
    return { file, text: source, doc: empty, lineCounter, data: undefined, problems: [problem] };
  }
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found below in one pass: the parser's own check is quadratic in map size.
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, strict: true, merge: false, schema: 'core' });
  } catch {
    // The parser recurses per nesting level: pathological nesting ends here, not in a crash.
    const problem = { file, line: 1, col: 1, message: 'the YAML is nested too deeply to read' };
    return { file, text: source, doc: parseDocument('', { schema: 'core' }), lineCounter, data: undefined, problems: [problem] };
  }
  const problems: Problem[] = [];
  const offsetPos = (offset: number) => lineCounter.linePos(Math.max(0, offset));
  // Tags are never needed in a checklist or answers file; some (!!binary, !!set) change types quietly.
  if (doc.errors.length === 0) {
    visit(doc, (_key, node) => {
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          if (!seen.has(key)) seen.add(key);
          else problems.push({ file, ...offsetPos(pair.key.range?.[0] ?? 0), message: `duplicate key ${quote(key)}: each key may appear once in a mapping` });
        }
      }
      if (isNode(node) && node.tag && !isCoreTag(node.tag)) {
        // Point at the tag itself (`!foo`), which stands before the value on the same line.
        const start = node.range?.[0] ?? 0;
        let bang = source.lastIndexOf('!', start);
        while (bang > 0 && source[bang - 1] === '!') bang--;
        const lineStart = source.lastIndexOf('\n', start - 1) + 1;
        problems.push({ file, ...offsetPos(bang >= lineStart ? bang : start), message: `custom YAML tags are not allowed (${node.tag})` });
      }
    });
  }
  const tagsChecked = doc.errors.length === 0;
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (tagsChecked && error.code === 'TAG_RESOLVE_FAILED') continue;
    const token = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*)/.exec(source.slice(error.pos[0], error.pos[0] + 80))?.[0] ?? '';
    problems.push({ file, ...offsetPos(error.pos[0]), message: yamlMessage(error.code, error.message, token) });
  }
  let data: unknown;
  if (problems.length === 0 && doc.errors.length === 0 && doc.warnings.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      problems.push({
        file,
        line: 1,
        col: 1,
        message:
          error instanceof ReferenceError
            ? `too many YAML aliases (an alias bomb?): at most ${MAX_ALIASES} are allowed`
            : `cannot read the YAML document: ${(error as Error).message}`,
      });
    }
  }
  return { file, text: source, doc, lineCounter, data, problems };
}

function yamlMessage(code: string, message: string, token: string): string {
  const first = message.split('\n')[0] ?? message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key "${token.trim()}": each key may appear once in a mapping`;
    case 'TAG_RESOLVE_FAILED':
      return `custom YAML tags are not allowed (${clean})`;
    default:
      return `YAML syntax error: ${clean}`;
  }
}

/** The position of the node at `path`, or of its nearest existing ancestor. */
export function locate(source: YamlSource, path: readonly PathSegment[], keyName?: string): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let best: Node | null = isNode(node) ? node : null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(segment));
      if (!pair) break;
      node = pair.value;
      if (isNode(pair.value)) best = pair.value;
      else if (isNode(pair.key)) best = pair.key as Node;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (isNode(node)) best = node;
      else break;
    } else break;
  }
  if (keyName !== undefined && isMap(node)) {
    const pair = pairIndex(node).get(keyName);
    if (pair && isNode(pair.key)) best = pair.key as Node;
  }
  const offset = best?.range?.[0] ?? 0;
  return source.lineCounter.linePos(offset);
}

/** The position of the key (not the value) at `path`. */
export function locateKey(source: YamlSource, path: readonly PathSegment[]): { line: number; col: number } {
  if (path.length === 0) return locate(source, path);
  return locate(source, path.slice(0, -1), String(path[path.length - 1]));
}

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pairs of a map by key, built once per map. */
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      const key = isPair(item) ? keyOf(item.key) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, item as Pair);
    }
    pairIndexes.set(map, index);
  }
  return index;
}

function keyOf(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** Tags that only restate the core schema's own types (`!!str "5.2"`) are harmless. */
function isCoreTag(tag: string): boolean {
  return ['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq'].includes(tag);
}
