/**
 * Checks the local evidence files of an answers file, at report time: each `path` is resolved in
 * the answers file's folder, refused when it (or a symbolic link on the way) leads out of that
 * folder, and hashed with SHA-256 to compare with the recorded `sha256`. The only I/O of the
 * evidence checks; what the results mean is decided in review.ts.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readlink, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Answers, EvidenceItem } from '../answers/model.js';

/** What a local evidence file was found to be. */
export type FileCheck =
  | { status: 'found'; sha256: string }
  | { status: 'missing' }
  | { status: 'refused'; reason: string };

/** Files hashed at once: enough to overlap the reads, few enough to stay far from the open-files limit. */
const CONCURRENCY = 8;

/** Every evidence item the answers give, in file order. */
export function evidenceItems(answers: Answers): EvidenceItem[] {
  return [...answers.answers.values()].flatMap((answer) => answer.evidence ?? []);
}

/** Checks the local items (those with a `path`) in `folder`; keyed by the item itself. */
export async function checkEvidenceFiles(evidence: readonly EvidenceItem[], folder: string): Promise<Map<EvidenceItem, FileCheck>> {
  const items = evidence.filter((item) => item.path !== undefined);
  const checks = new Map<EvidenceItem, FileCheck>();
  if (!items.length) return checks;
  const root = await realpath(folder);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      checks.set(item, await checkFile(root, folder, item.path!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  // Insertion order follows completion: put it back in file order, so what depends on it stays deterministic.
  return new Map(items.map((item) => [item, checks.get(item)!]));
}

const OUTSIDE = "it leads out of the answers file's folder";
const LINKED_OUT = "a symbolic link on its way leads out of the answers file's folder";

/** One file: refused, missing, or found with the SHA-256 of its content. */
export async function checkFile(root: string, folder: string, path: string): Promise<FileCheck> {
  // Backslashes separate folders as the answers-file rules read them (a file written on Windows).
  const target = resolve(folder, path.replaceAll('\\', '/'));
  if (isAbsolute(path) || !inside(resolve(folder), target)) return { status: 'refused', reason: OUTSIDE };
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return missingOrRefused(root, target);
  }
  if (!inside(root, real)) return { status: 'refused', reason: LINKED_OUT };
  return hashFile(real);
}

/**
 * A path that does not resolve is missing, unless a link on the way leads out of the folder: that
 * is refused all the same (links that lead nowhere are followed as far as they go).
 */
async function missingOrRefused(root: string, target: string): Promise<FileCheck> {
  let path = target;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    if (!(await existingAncestorInside(root, path))) return { status: 'refused', reason: LINKED_OUT };
    try {
      path = resolve(dirname(path), await readlink(path));
    } catch {
      return { status: 'missing' };
    }
  }
  return { status: 'missing' };
}

/** Links followed at most, as the system itself does (ELOOP). */
const MAX_LINKS = 40;

/** Whether the deepest part of `target` that exists resolves inside the root. */
async function existingAncestorInside(root: string, target: string): Promise<boolean> {
  for (let dir = dirname(target); ; dir = dirname(dir)) {
    try {
      return inside(root, await realpath(dir));
    } catch {
      if (dirname(dir) === dir) return false;
    }
  }
}

/** A regular file's SHA-256, read in chunks (memory stays bounded whatever its size). */
async function hashFile(file: string): Promise<FileCheck> {
  // Non-blocking, so a FIFO planted as evidence cannot hang the report; it is refused below.
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { status: 'missing' };
  }
  try {
    if (!(await handle.stat()).isFile()) return { status: 'refused', reason: 'it is not a regular file' };
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return { status: 'found', sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** Whether `path` is `root` or below it. */
function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
