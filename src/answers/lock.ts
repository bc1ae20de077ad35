/** A lock file beside the answers file, so two interviews never write the same file at once. */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { CliError } from '../errors.js';
import { isProcessRunning } from '../process-alive.js';

export interface Lock {
  release(): void;
}

/** Takes `<file>.lock`; a lock left by a process that no longer runs (on this host) is taken over. */
export function acquireLock(file: string): Lock {
  const lockFile = `${file}.lock`;
  const owner = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, `${owner}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(lockFile, 'utf8').trim() === owner) unlinkSync(lockFile);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new CliError(`cannot create the lock file ${lockFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const holder = readHolder(lockFile);
      if (holder && isAlive(holder)) {
        throw new CliError(
          `${file} is being edited by another breachready interview (process ${holder.pid}${holder.host ? ` on ${holder.host}` : ''})`,
          2,
          `Finish or stop that interview first. If none is running, delete ${lockFile}.`,
        );
      }
      // Stale: its process is gone. Remove it and try once more.
      try {
        unlinkSync(lockFile);
      } catch {
        // Someone else removed it first; the retry settles who wins.
      }
    }
  }
  throw new CliError(`cannot take the lock ${lockFile}: another interview took it just now`);
}

function readHolder(lockFile: string): { pid: number; host?: string } | undefined {
  try {
    const [pid, host] = readFileSync(lockFile, 'utf8').trim().split('@');
    const number = Number(pid);
    return Number.isInteger(number) && number > 0 ? { pid: number, host } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(holder: { pid: number; host?: string }): boolean {
  // A lock from another host cannot be checked: treat it as held.
  if (holder.host && holder.host !== hostname()) return true;
  return isProcessRunning(holder.pid);
}
