/**
 * One interview sitting on an answers file: holds its lock, turns SIGTERM and SIGHUP into an
 * abort of the prompt in progress (the command then ends like Ctrl-C, and the CLI entry exits),
 * and saves each change, offering a retry when the file cannot be written.
 */
import type { AnswersDocument } from '../answers/document.js';
import { acquireLock } from '../answers/lock.js';
import type { AnswersStore } from '../answers/store.js';
import { CliError, EXIT } from '../errors.js';
import { removeStaleTemps } from '../fs-atomic.js';
import { write } from '../std-streams.js';
import type { Prompter } from './prompter.js';

const STOPPING_SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

export class InterviewSession {
  private readonly abort = new AbortController();
  /** The signal that ended the sitting, if one did. */
  stoppedBy: NodeJS.Signals | undefined;
  private readonly lock: { release: () => void };
  private readonly onSignal = (signal: NodeJS.Signals) => {
    // Every answer given is already on disk: free the file at once, then stop the prompt.
    this.stoppedBy = signal;
    this.lock.release();
    this.abort.abort(signal);
  };
  // However the process ends (a closed terminal can end it through an output error), the lock goes.
  private readonly onExit = () => this.lock.release();

  /** Takes the file's lock (refusing a second interview on it) and listens for the signals. */
  constructor(readonly file: string) {
    this.lock = acquireLock(file);
    removeStaleTemps(file);
    for (const name of STOPPING_SIGNALS) process.on(name, this.onSignal);
    process.on('exit', this.onExit);
  }

  /** Aborted when a signal ends the sitting: prompts given it reject at once. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  close(): void {
    this.lock.release();
    for (const name of STOPPING_SIGNALS) process.off(name, this.onSignal);
    process.off('exit', this.onExit);
  }

  /**
   * Saves, and when the file cannot be written (read-only directory, full disk, a broken edit on
   * disk) says why and offers to retry; declining prints the unsaved answers so none is lost.
   */
  async save(store: AnswersStore, change: (doc: AnswersDocument) => void, prompter: Prompter): Promise<void> {
    // Every change is idempotent (set this answer, this date), so a retry simply applies it again.
    for (;;) {
      try {
        const { merged } = await store.update(change);
        if (merged) prompter.print(`(${store.file} had changed on disk: your edits there are kept, and this answer was added to them.)\n`);
        return;
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        prompter.print(`\n${error.message}\n`);
        if (await prompter.confirm('Retry saving? (fix the problem first, e.g. free disk space or make the file writable)', true)) continue;
        write('stderr', `\nThe answers that could not be saved, to keep in a file of your own:\n\n${store.text()}\n`);
        throw new CliError(`answers not saved to ${store.file}: ${error.message}`, EXIT.usage);
      }
    }
  }
}
