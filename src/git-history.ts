/**
 * A file's history in git (`trend --git`): every commit that changed it, oldest first, with the
 * file's text at that commit. git itself reads it, run with argument arrays (never a shell).
 */
import { execFile } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { CliError } from './errors.js';
import { quote } from './text.js';

export interface Revision {
  /** Full commit id. */
  commit: string;
  /** Commit date, YYYY-MM-DD (the committer's). */
  date: string;
  /** The file's path at that commit, relative to the repository (it may have been renamed since). */
  path: string;
  text: string;
}

/** Generous: an answers file with every question answered at length is a few megabytes. */
const MAX_BUFFER = 256 * 1024 * 1024;

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('git', args, { cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8', env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(new CliError('--git needs git, which is not installed (or not on PATH)'));
      fail(Object.assign(error, { stderr }));
    });
  });
}

/** Every commit that changed the file (following renames), oldest first. */
export async function fileHistory(file: string): Promise<Revision[]> {
  const dir = dirname(resolve(file));
  let top: string;
  try {
    top = (await git(['rev-parse', '--show-toplevel'], dir)).trim();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${quote(file)} is not in a git repository: --git reads the file's history from git`);
  }
  // One record per commit: a NUL, the commit and its date, then the path it had (--name-only).
  const log = await git(['-c', 'core.quotePath=false', 'log', '--follow', '--diff-filter=d', '--format=%x00%H %cs', '--name-only', '--', basename(file)], dir).catch(() => '');
  const revisions: Omit<Revision, 'text'>[] = [];
  for (const record of log.split('\0').slice(1)) {
    const [head, ...names] = record.split('\n').filter((line) => line.trim() !== '');
    const [commit, date] = head!.split(' ');
    if (commit && date && names.length) revisions.push({ commit, date, path: names[0]! });
  }
  if (!revisions.length) throw new CliError(`${quote(file)} has no history in git: commit it first (git add, git commit)`);
  const texts: Revision[] = [];
  // One at a time: a long history must not start hundreds of processes at once.
  for (const r of revisions.reverse()) texts.push({ ...r, text: await git(['show', `${r.commit}:${r.path}`], top) });
  return texts;
}
