/** Atomic file writes: a temp file beside the target, fsync, then rename over it. */
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors.js';
import { isProcessRunning } from './process-alive.js';

/**
 * Writes `data` to `file` so that a reader (or a crash) sees either the old or the new content,
 * never a mix or a truncated file. Files are created with mode 0600 (answers and reports are
 * sensitive) unless `mode` is given. Temp files that killed writers of `file` left are removed first.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): void {
  removeStaleTemps(file);
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    // The umask may have taken bits away from a mode kept from an existing file.
    if (mode !== 0o600) fchmodSync(fd, mode);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
    syncDirectory(dirname(file));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // The temp file may not exist; nothing else to clean up.
    }
    throw writeError(file, error);
  }
}

/** The error for a file that cannot be written, saying why in words (e.g. "the directory does not exist"). */
export function writeError(file: string, error: unknown): CliError {
  return new CliError(`cannot write ${file}: ${describeWriteError(error)}`);
}

/** Removes temp files that writers of `file` killed mid-write left behind (their process is gone). */
export function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || isProcessRunning(pid)) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the rename itself is still atomic.
  }
}

/** Why a write failed, in words (the error code when there are none). */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'the directory does not exist';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied (read-only location?)';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'no space left on the device';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return code ?? String((error as Error)?.message ?? error);
  }
}

/**
 * Fails as writeFileAtomic would, before anything is written: the directory exists and is
 * writable, and the target is not a directory. A command with several outputs checks them all
 * first, so a failure leaves none written.
 */
export function checkWritable(file: string): void {
  try {
    const dir = dirname(file);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOENT' });
    accessSync(dir, constants.W_OK);
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw writeError(file, error);
  }
}
