/**
 * Checks the local evidence files of an answers file, at report time: each `path` is resolved in
 * the answers file's folder, refused when it (or a symbolic link on the way) leads out of that
 * folder, and hashed with SHA-256 to compare with the recorded `sha256`. The only I/O of the
 * evidence checks; what the results mean is decided in review.ts.
 *
 * Synchronous on purpose: evidence files are usually many and small, where one open, stat, read
 * and close each costs far less than the event-loop round trips of streams (a benchmark target).
 * Memory stays bounded: every file is read through one fixed buffer, however large it is.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, readlinkSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Answers, EvidenceItem } from '../answers/model.js';

/** What a local evidence file was found to be. */
export type FileCheck = { status: 'found'; sha256: string } | { status: 'missing' } | { status: 'refused'; reason: string };

/** Every evidence item the answers give, in file order. */
export function evidenceItems(answers: Answers): EvidenceItem[] {
  return [...answers.answers.values()].flatMap((answer) => answer.evidence ?? []);
}

/** Checks the local items (those with a `path`) in `folder`, in order; keyed by the item itself. */
export function checkEvidenceFiles(evidence: readonly EvidenceItem[], folder: string): Map<EvidenceItem, FileCheck> {
  const checks = new Map<EvidenceItem, FileCheck>();
  const items = evidence.filter((item) => item.path !== undefined);
  if (!items.length) return checks;
  const context = checkContext(folder);
  for (const item of items) checks.set(item, checkFile(context, item.path!));
  return checks;
}

/** What the checks of one answers file share: the folder, as given and resolved, one read buffer, and the folders resolved so far. */
export interface CheckContext {
  root: string;
  folder: string;
  buffer: Buffer;
  /** Folder -> its real path (or undefined when it does not resolve): evidence files usually share a few folders. */
  realDirs: Map<string, string | undefined>;
}

/** A context for checking files in `folder`. */
export function checkContext(folder: string): CheckContext {
  return { root: realpathSync.native(folder), folder, buffer: Buffer.allocUnsafe(READ_CHUNK), realDirs: new Map() };
}

const READ_CHUNK = 64 * 1024;
const OUTSIDE = "it leads out of the answers file's folder";
const LINKED_OUT = "a symbolic link on its way leads out of the answers file's folder";

/** One file: refused, missing, or found with the SHA-256 of its content. */
export function checkFile(context: CheckContext, path: string): FileCheck {
  const { root, folder } = context;
  // Backslashes separate folders as the answers-file rules read them (a file written on Windows).
  const target = resolve(folder, path.replaceAll('\\', '/'));
  if (isAbsolute(path) || !inside(resolve(folder), target)) return { status: 'refused', reason: OUTSIDE };
  // The folder the file is in, resolved once for all its files; the file itself is opened without
  // following a link, and only a link is resolved on its own.
  const dir = dirname(target);
  if (!context.realDirs.has(dir)) context.realDirs.set(dir, realOrUndefined(dir));
  const realDir = context.realDirs.get(dir);
  if (realDir === undefined) return missingOrRefused(root, target);
  if (!inside(root, realDir)) return { status: 'refused', reason: LINKED_OUT };
  const direct = hashFile(join(realDir, basename(target)), context.buffer);
  if (direct !== LINK) return direct;
  const real = realOrUndefined(target);
  if (real === undefined) return missingOrRefused(root, target);
  if (!inside(root, real)) return { status: 'refused', reason: LINKED_OUT };
  const linked = hashFile(real, context.buffer);
  return linked === LINK ? { status: 'missing' } : linked;
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** Links followed at most, as the system itself does (ELOOP). */
const MAX_LINKS = 40;

/**
 * A path that does not resolve is missing, unless a link on the way leads out of the folder: that
 * is refused all the same (links that lead nowhere are followed as far as they go).
 */
function missingOrRefused(root: string, target: string): FileCheck {
  let path = target;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    if (!existingAncestorInside(root, path)) return { status: 'refused', reason: LINKED_OUT };
    try {
      path = resolve(dirname(path), readlinkSync(path));
    } catch {
      return { status: 'missing' };
    }
  }
  return { status: 'missing' };
}

/** Whether the deepest part of `target` that exists resolves inside the root. */
function existingAncestorInside(root: string, target: string): boolean {
  for (let dir = dirname(target); ; dir = dirname(dir)) {
    try {
      return inside(root, realpathSync.native(dir));
    } catch {
      if (dirname(dir) === dir) return false;
    }
  }
}

/** What hashFile returns for a symbolic link, which it does not follow. */
const LINK = Symbol('link');

/** A regular file's SHA-256, read through the buffer; LINK when the name is a symbolic link. */
function hashFile(file: string, buffer: Buffer): FileCheck | typeof LINK {
  let fd: number;
  try {
    // Non-blocking, so a FIFO planted as evidence cannot hang the report (it is refused below);
    // never through a link, which the caller resolves and checks first.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? LINK : { status: 'missing' };
  }
  try {
    if (!fstatSync(fd).isFile()) return { status: 'refused', reason: 'it is not a regular file' };
    const hash = createHash('sha256');
    // A regular file reads short only at its end: no further read (one system call less a small file).
    for (let read = buffer.length; read === buffer.length; ) {
      read = readSync(fd, buffer);
      hash.update(buffer.subarray(0, read));
    }
    return { status: 'found', sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

/** Whether `path` is `root` or below it. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
