/**
 * Positions in a parsed YAML input, independent of the parser that read it (the full `yaml`
 * parser or the quick reader for plain files), so problems can point at `file:line:col`.
 */
import type { Problem } from '../problems.js';

export type PathSegment = string | number;

/** A parsed input that can say where each of its nodes starts. */
export interface PositionedSource {
  file: string;
  /** The text as parsed (BOM dropped, line ends normalised). */
  text: string;
  /** The document as plain data, or undefined when it could not be built. */
  data: unknown;
  problems: Problem[];
  lineCounter: LineIndex;
  /**
   * Offset of the node at `path`, or of its nearest existing ancestor; with `keyName`, of that
   * key in the mapping at `path` when it is there.
   */
  offsetOf(path: readonly PathSegment[], keyName?: string): number;
}

/**
 * Line and column of an offset, from our own index of line starts: the parser's line counter can
 * lose lines after some syntax errors, and positions must stay right in exactly those cases.
 */
export class LineIndex {
  private readonly starts: number[];

  /** `starts`: the offsets where the lines of `text` start, when a reader has them already. */
  constructor(text: string, starts?: number[]) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
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

/** The position of the node at `path`, or of its nearest existing ancestor. */
export function locate(source: PositionedSource, path: readonly PathSegment[], keyName?: string): { line: number; col: number } {
  return source.lineCounter.linePos(Math.max(0, source.offsetOf(path, keyName)));
}

/** The position of the key (not the value) at `path`. */
export function locateKey(source: PositionedSource, path: readonly PathSegment[]): { line: number; col: number } {
  if (path.length === 0) return locate(source, path);
  return locate(source, path.slice(0, -1), String(path[path.length - 1]));
}

/** The text without a leading byte order mark. */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** The text a YAML parser should see: a BOM dropped, CR-only line ends (classic Mac) made LFs so lines count right. */
export function normaliseYamlText(text: string): string {
  const unmarked = stripBom(text);
  return unmarked.includes('\n') ? unmarked : unmarked.replace(/\r/g, '\n');
}

/** Lines plus commas: a cheap upper bound of the nodes a YAML text can make, checked before parsing. */
const DEFAULT_MAX_YAML_ITEMS = 5_000_000;

/** The items limit (BREACHREADY_MAX_YAML_ITEMS overrides it), or undefined when `text` is within it. */
export function yamlItemsOverLimit(text: string): number | undefined {
  const value = Number(process.env.BREACHREADY_MAX_YAML_ITEMS);
  const limit = Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_YAML_ITEMS;
  // Each counted item is a character: a text no longer than the limit is within it.
  if (text.length <= limit) return undefined;
  // indexOf runs natively: a loop over every character would cost more than reading the file.
  let items = 0;
  for (const mark of ['\n', ',']) {
    for (let i = text.indexOf(mark); i !== -1 && items <= limit; i = text.indexOf(mark, i + 1)) items++;
  }
  return items > limit ? limit : undefined;
}
