/**
 * Where the interview keeps its answers: the answers file, written atomically after every answer.
 * If the file changed on disk since it was read (edited by hand mid-interview, or pulled from git),
 * the new version is taken and the answer applied to it, so neither side's answers are lost.
 */
import { readFileSync, statSync } from 'node:fs';
import type { AnswersDocument } from './document.js';
import { CliError } from '../errors.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { normaliseYamlText } from '../input/source-position.js';

export interface SaveOutcome {
  /** The file had changed on disk; its new content was kept and the answer applied on top. */
  merged: boolean;
}

export class AnswersStore {
  private doc: AnswersDocument | undefined;
  private lastText: string | undefined;

  /**
   * A store for a new document, or for the text of the file as read: that is made a document (which
   * loads the YAML library) at the first save, so an interview shows its first question sooner.
   */
  constructor(
    readonly file: string,
    from: { document: AnswersDocument } | { text: string },
  ) {
    if ('document' in from) this.doc = from.document;
    else this.lastText = from.text;
  }

  /** Applies a change and writes the file; throws CliError when the file cannot be written. */
  async update(change: (doc: AnswersDocument) => void): Promise<SaveOutcome> {
    const { AnswersDocument } = await import('./document.js');
    this.doc ??= AnswersDocument.fromText(this.lastText ?? '');
    const onDisk = readIfExists(this.file);
    let merged = false;
    // The text held is as the reader saw it (no BOM, LF line ends): compare the file the same way.
    if (onDisk !== undefined && this.lastText !== undefined && normaliseYamlText(onDisk) !== this.lastText) {
      // Loaded here: the file rarely changes mid-interview, and the full reader (zod) is slow to load.
      const { parseAnswersText } = await import('./file.js');
      const parsed = await parseAnswersText(onDisk, this.file);
      if (parsed.problems.length) {
        // Someone's half-done edit: never write over it (the change is kept in memory for the caller).
        change(this.doc);
        const first = parsed.problems[0]!;
        throw new CliError(`${this.file} changed on disk and no longer parses (${first.line}:${first.col}: ${first.message}): not overwriting it`);
      }
      this.doc = AnswersDocument.fromText(onDisk);
      merged = true;
    }
    change(this.doc);
    const text = this.doc.toString();
    // An existing file keeps its line ends, byte order mark and mode (no diff on every line in git).
    const style = onDisk === undefined ? undefined : fileStyle(onDisk);
    const lines = style?.crlf ? text.replace(/\n/g, '\r\n') : text;
    writeFileAtomic(this.file, style?.bom ? `\ufeff${lines}` : lines, style ? modeOf(this.file) : undefined);
    // Held as the reader sees the file: without the BOM (line ends as written).
    this.lastText = lines;
    return { merged };
  }

  /** The current text of the document, to show or save elsewhere when the file cannot be written. */
  text(): string {
    return this.doc?.toString() ?? this.lastText ?? '';
  }
}

/** How a file is written: CRLF line ends (its first line end says), a leading byte order mark. */
export function fileStyle(text: string): { crlf: boolean; bom: boolean } {
  const lf = text.indexOf('\n');
  return { crlf: lf > 0 && text[lf - 1] === '\r', bom: text.charCodeAt(0) === 0xfeff };
}

function modeOf(file: string): number | undefined {
  try {
    return statSync(file).mode & 0o777;
  } catch {
    return undefined;
  }
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

