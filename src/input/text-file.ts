/** Reads input files as strict UTF-8 text: every failure is a Problem at file:line:col, never an exception. */
import { Buffer, isUtf8 } from 'node:buffer';
import { readFileSync, readSync, statSync } from 'node:fs';
import type { Problem } from '../problems.js';
import { stripBom } from './source-position.js';
import { sleepSync } from '../sleep-sync.js';

/** Larger files are refused before they are read: a hostile file must not eat the machine. */
const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

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
    return at(`file is ${(size / 1048576).toFixed(1)} MB, ${overLimit(limit)}`);
  }
  let text: string;
  try {
    // Node's own UTF-8 read (one native call, already warm from loading the CLI) turns a bad byte
    // into U+FFFD; only a text that has one is read again as bytes, to tell a bad byte from a real
    // U+FFFD and to say where it is.
    text = readFileSync(file, 'utf8');
    if (text.includes('\ufffd')) return decodeUtf8(readFileSync(file), file);
  } catch (error) {
    return at(describeFsError(error));
  }
  return { text: stripBom(text) };
}

/** The size limit in words, for the problem that refuses an input over it. */
function overLimit(limit: number): string {
  return `over the ${(limit / 1048576).toFixed(0)} MB limit (set BREACHREADY_MAX_FILE_MB to raise it)`;
}

/**
 * Reads standard input as UTF-8 text, up to the size limit: past it, reading stops (an endless or
 * huge input costs no more than the limit) and the input is refused.
 */
export function readStdinText(name: string): { text?: string; problem?: Problem } {
  const limit = maxFileBytes();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      let n: number;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A non-blocking pipe with nothing in it yet: wait for the writer.
        if (code === 'EAGAIN') {
          sleepSync(5);
          continue;
        }
        if (code === 'EOF') break;
        throw error;
      }
      if (n === 0) break;
      total += n;
      if (total > limit) return { problem: { file: name, line: 1, col: 1, message: `input is ${overLimit(limit)}` } };
      chunks.push(chunk.subarray(0, n));
    }
  } catch {
    return { problem: { file: name, line: 1, col: 1, message: 'cannot read standard input' } };
  }
  return decodeUtf8(Buffer.concat(chunks, total), name);
}

/** Strict UTF-8 decoding: an invalid byte is reported at its line and column. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; problem?: Problem } {
  // The native check first; the byte-by-byte scan only runs to find where a bad file goes wrong.
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
  if (bad < 0) {
    // Valid, so Buffer's decoder is exact (and quicker to start than TextDecoder); like
    // TextDecoder, it drops a leading byte order mark.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { text: stripBom(text) };
  }
  const lineStart = bad === 0 ? 0 : bytes.lastIndexOf(0x0a, bad - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
  return { problem: { file, line, col, message: 'invalid UTF-8 byte: the file must be UTF-8 text' } };
}

/** Index of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
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

