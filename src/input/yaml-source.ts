/**
 * The full YAML reader: parses strictly and keeps the document, so every problem (syntax, duplicate
 * keys, tags, aliases) and every node can be pointed at by file:line:col, never an exception.
 */
import { Lexer, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Alias, Document, Node, Pair, YAMLMap } from 'yaml';
import type { Problem } from '../problems.js';
import { LineIndex, normaliseYamlText, yamlItemsOverLimit } from './source-position.js';
import type { PathSegment, PositionedSource } from './source-position.js';
import { quote } from '../text.js';

const MAX_ALIASES = 100;
/** What aliases may add to a document, in characters: enough for any real reuse, never an amplifier. */
export const MAX_ALIAS_EXPANSION = 1_000_000;
const NESTED_TOO_DEEPLY = 'the YAML is nested too deeply to read';
/**
 * Checklists and answers files nest a few levels; far deeper is hostile. A fixed limit makes the
 * verdict the same on every machine, where the parser's own stack would give out at a depth that
 * varies with the engine's state.
 */
const MAX_DEPTH = 100;

/**
 * The longest value (scalar) a file may hold, in characters: far beyond any note or question. The
 * parser copies a quoted scalar a character at a time, so a hostile 50 MB one would cost seconds of
 * garbage collection; the lexer finds it in milliseconds.
 */
const MAX_SCALAR_CHARS = 4_000_000;

/** Where the first token longer than MAX_SCALAR_CHARS starts, or undefined when there is none. */
function longScalarOffset(text: string): number | undefined {
  if (text.length <= MAX_SCALAR_CHARS) return undefined;
  for (const token of new Lexer().lex(text)) {
    // Tokens are slices of the text, so the long one is found where it is (only ever once).
    if (token.length > MAX_SCALAR_CHARS) return text.indexOf(token);
  }
  return undefined;
}

/** The first node nested deeper than MAX_DEPTH, found without recursion; undefined when there is none. */
function tooDeep(doc: Document.Parsed): Node | undefined {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) return node;
    for (const item of node.items) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

export interface YamlSource extends PositionedSource {
  doc: Document.Parsed;
}

/** Parses YAML text strictly: duplicate keys, tags, too many aliases are problems. */
export function parseYaml(text: string, file: string): YamlSource {
  const source = normaliseYamlText(text);
  const lineCounter = new LineIndex(source);
  const limit = yamlItemsOverLimit(source);
  if (limit !== undefined) {
    const problem = { file, line: 1, col: 1, message: `too many YAML lines and items (over ${limit}): not parsed (set BREACHREADY_MAX_YAML_ITEMS to raise the limit)` };
    return sourceOf(file, source, parseDocument('', { schema: 'core' }), lineCounter, undefined, [problem]);
  }
  const long = longScalarOffset(source);
  if (long !== undefined) {
    const problem = { file, ...lineCounter.linePos(long), message: `a value of over ${MAX_SCALAR_CHARS} characters: not parsed` };
    return sourceOf(file, source, parseDocument('', { schema: 'core' }), lineCounter, undefined, [problem]);
  }
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found below in one pass: the parser's own check is quadratic in map size.
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false, strict: true, merge: false, schema: 'core' });
  } catch {
    // The parser recurses per nesting level: pathological nesting ends here, not in a crash.
    const problem = { file, line: 1, col: 1, message: NESTED_TOO_DEEPLY };
    return sourceOf(file, source, parseDocument('', { schema: 'core' }), lineCounter, undefined, [problem]);
  }
  const problems: Problem[] = [];
  const offsetPos = (offset: number) => lineCounter.linePos(Math.max(0, offset));
  const deep = tooDeep(doc);
  if (deep) return sourceOf(file, source, doc, lineCounter, undefined, [{ file, ...offsetPos(deep.range?.[0] ?? 0), message: NESTED_TOO_DEEPLY }]);
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
  // A syntax error makes the parser report echoes of it further along the same line (one tab
  // made three messages): report the first error of each line.
  const linesWithError = new Set<number>();
  for (const error of [...doc.errors, ...doc.warnings]) {
    // A custom tag was reported above; a core tag that cannot apply to its value was not.
    if (tagsChecked && error.code === 'TAG_RESOLVE_FAILED' && !coreTagOf(error.message)) continue;
    const { line } = offsetPos(error.pos[0]);
    if (linesWithError.has(line)) continue;
    linesWithError.add(line);
    problems.push({ file, ...offsetPos(error.pos[0]), message: yamlMessage(error.code, error.message) });
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
            : /call stack/i.test((error as Error).message)
              ? NESTED_TOO_DEEPLY
              : `cannot read the YAML document: ${(error as Error).message}`,
      });
    }
    // toJS shares what aliases repeat; everything after it (checks, reports) would copy it out.
    const alias = data === undefined ? undefined : aliasOverExpansion(doc);
    if (alias) {
      data = undefined;
      problems.push({
        file,
        ...offsetPos(alias.range?.[0] ?? 0),
        message: `YAML aliases expand to over ${MAX_ALIAS_EXPANSION} characters (an alias amplification?): write the text out instead`,
      });
    }
  }
  return sourceOf(file, source, doc, lineCounter, data, problems);
}

/** The parser's message, first line only. (Duplicate keys never get here: the pass above finds them.) */
function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const clean = first.replace(/ at line \d+, column \d+:?$/, '');
  // The parser records running out of stack in its recursion as an error at that point.
  if (/call stack/i.test(clean)) return NESTED_TOO_DEEPLY;
  if (code !== 'TAG_RESOLVE_FAILED') return `YAML syntax error: ${clean}`;
  const core = coreTagOf(message);
  return core ? `the tag !!${core} does not fit its value: remove the tag or fix the value` : `custom YAML tags are not allowed (${clean})`;
}

/** `int` for "Unresolved tag: tag:yaml.org,2002:int" (a core tag that did not resolve), else undefined. */
function coreTagOf(message: string): string | undefined {
  const tag = /Unresolved tag: (\S+)/.exec(message)?.[1];
  return tag && isCoreTag(tag) ? tag.slice(CORE_TAG_PREFIX.length) : undefined;
}

/**
 * The first alias at which the text that aliases repeat goes over MAX_ALIAS_EXPANSION, or undefined.
 * The size of each aliased node is counted once (memoised), so nested aliases cost no more to check.
 */
function aliasOverExpansion(doc: Document.Parsed): Alias | undefined {
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 0); // an alias inside its own anchor (a cycle) adds nothing
    let size = 1;
    if (isAlias(node)) size = sizeOf(node.resolve(doc));
    else if (isScalar(node)) size += String(node.value).length;
    else if (isCollection(node)) for (const item of node.items) size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
    sizes.set(node, size);
    return size;
  };
  let total = 0;
  let over: Alias | undefined;
  visit(doc, {
    Alias(_key, alias) {
      total += sizeOf(alias.resolve(doc));
      if (total <= MAX_ALIAS_EXPANSION) return undefined;
      over = alias;
      return visit.BREAK;
    },
  });
  return over;
}

function sourceOf(file: string, text: string, doc: Document.Parsed, lineCounter: LineIndex, data: unknown, problems: Problem[]): YamlSource {
  return { file, text, doc, lineCounter, data, problems, offsetOf: (path, keyName) => nodeOffset(doc, path, keyName) };
}

/** Offset of the node at `path` in the document, or of its nearest existing ancestor (see PositionedSource). */
function nodeOffset(doc: Document.Parsed, path: readonly PathSegment[], keyName?: string): number {
  let node: unknown = doc.contents;
  let best: Node | null = isNode(node) ? node : null;
  let walked = 0;
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
    walked++;
  }
  // A key is looked up only in the mapping at `path` itself, not in an ancestor where the path stopped.
  if (keyName !== undefined && walked === path.length && isMap(node)) {
    const pair = pairIndex(node).get(keyName);
    if (pair && isNode(pair.key)) best = pair.key as Node;
  }
  return best?.range?.[0] ?? 0;
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

const CORE_TAG_PREFIX = 'tag:yaml.org,2002:';
const CORE_TAGS = ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'];

/** Tags that only restate the core schema's own types (`!!str "5.2"`) are harmless. */
function isCoreTag(tag: string): boolean {
  return tag.startsWith(CORE_TAG_PREFIX) && CORE_TAGS.includes(tag.slice(CORE_TAG_PREFIX.length));
}
