/**
 * A lock file beside the answers file, so two interviews never write the same file at once.
 *
 * Taking it is atomic: the owner (`pid@host`) is written to a temporary file first, which is then
 * hard-linked to `<file>.lock`; a link fails when the target exists, so the lock file is never seen
 * without its owner. A lock whose owner no longer runs (on this host) is stale and taken over, but
 * only under a second lock (`<file>.lock.breaking`, taken the same way) and after checking that it is
 * still the very file judged stale: nothing unlinks a lock that is not provably stale.
 */
import { closeSync, fstatSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CliError } from '../errors.js';
import { isProcessRunning } from '../process-alive.js';
import { sleepSync } from '../sleep-sync.js';

export interface Lock {
  release(): void;
}

/** What a lock file says: nothing (gone), not yet a complete owner line, or its owner. */
type LockState =
  | { kind: 'gone' }
  | { kind: 'incomplete' }
  | { kind: 'owned'; pid: number; host: string; text: string; ino: number };

const OWNER_LINE = /^(\d+)@([^\n]*)\n$/;

/** Takes `<file>.lock`; a lock left by a process that no longer runs (on this host) is taken over. */
export function acquireLock(file: string): Lock {
  const lockFile = `${file}.lock`;
  const owner = `${process.pid}@${hostname()}\n`;
  const temp = writeOwnerFile(lockFile, owner);
  try {
    // Each pass either takes the lock, refuses, or removes one stale lock: a few passes suffice.
    for (let attempt = 0; attempt < 10; attempt++) {
      if (tryLink(temp, lockFile)) return ownLock(lockFile, owner);
      const held = readLockState(lockFile);
      if (held.kind === 'gone') continue;
      if (held.kind === 'incomplete' || isAlive(held)) throw heldError(file, lockFile, held);
      breakStaleLock(lockFile, held, temp);
    }
  } finally {
    removeQuietly(temp);
  }
  throw new CliError(`cannot take the lock ${lockFile}: other interviews keep taking it`);
}

function ownLock(lockFile: string, owner: string): Lock {
  const ino = statSync(lockFile).ino;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Only our own file: nobody else removes a lock whose owner runs, so it is still ours here.
      const state = readLockState(lockFile);
      if (state.kind === 'owned' && state.text === owner && state.ino === ino) removeQuietly(lockFile);
    },
  };
}

/**
 * Removes the stale lock `judged`, under `<lock>.breaking` so that no two processes remove locks at
 * once: the one that holds it checks that the lock file is still the same file (inode and owner)
 * and still stale, and only then unlinks it. No one else can change it in between: its owner is
 * gone, and other breakers wait for `.breaking`.
 */
function breakStaleLock(lockFile: string, judged: Extract<LockState, { kind: 'owned' }>, temp: string): void {
  const breaker = `${lockFile}.breaking`;
  if (!tryLink(temp, breaker)) {
    const other = readLockState(breaker);
    // Held for microseconds; one whose owner died mid-break is left by a crash: clear it.
    if (other.kind === 'owned' && !isAlive(other)) removeIfStill(breaker, other);
    else sleepSync(5);
    return;
  }
  try {
    const now = readLockState(lockFile);
    if (now.kind === 'owned' && now.ino === judged.ino && now.text === judged.text && !isAlive(now)) removeQuietly(lockFile);
  } finally {
    removeQuietly(breaker);
  }
}

/**
 * Removes `path` only if it is still the file `judged` (a stale `.breaking`): it is first moved to a
 * unique name, checked, and put back if it turned out to be another one.
 */
function removeIfStill(path: string, judged: Extract<LockState, { kind: 'owned' }>): void {
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const moved = readLockState(aside);
  if (!(moved.kind === 'owned' && moved.ino === judged.ino && moved.text === judged.text)) tryLink(aside, path);
  removeQuietly(aside);
}

/** The owner line in a new temporary file beside the lock, complete and on disk before any link to it. */
function writeOwnerFile(lockFile: string, owner: string): string {
  const temp = `${lockFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, owner);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temp);
    throw new CliError(`cannot create the lock file ${lockFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return temp;
}

/** Links `from` to `to`; false when `to` exists. */
function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new CliError(`cannot create the lock file ${to}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function readLockState(path: string): LockState {
  let text: string;
  let ino: number;
  try {
    // The inode and the text of one and the same file, whatever the name points at by now.
    const fd = openSync(path, 'r');
    try {
      ino = fstatSync(fd).ino;
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'incomplete' };
  }
  const match = OWNER_LINE.exec(text);
  const pid = Number(match?.[1]);
  if (!match || !Number.isSafeInteger(pid) || pid <= 0) return { kind: 'incomplete' };
  return { kind: 'owned', pid, host: match[2]!, text, ino };
}

function isAlive(holder: { pid: number; host: string }): boolean {
  // A lock from another host cannot be checked: treat it as held.
  if (holder.host !== hostname()) return true;
  return isProcessRunning(holder.pid);
}

function heldError(file: string, lockFile: string, held: LockState): CliError {
  const who = held.kind === 'owned' ? `process ${held.pid}${held.host !== hostname() ? ` on ${held.host}` : ''}` : 'its lock file is being written, or was left incomplete';
  return new CliError(
    `${file} is being edited by another breachready interview (${who})`,
    2,
    `Finish or stop that interview first. If none is running, delete ${lockFile}.`,
  );
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
