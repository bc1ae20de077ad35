import { plural } from './plural.js';
import type { Problem } from './problems.js';

/** Exit codes, decided in one place (cli.ts) from the errors below. */
export const EXIT = { ok: 0, policy: 1, usage: 2, internal: 70, interrupted: 130 } as const;

/** An expected failure: printed as one line (plus an optional hint), never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** One or more problems in input files, each reported as `file:line:col: message`. */
export class ProblemsError extends CliError {
  constructor(readonly problems: Problem[]) {
    super(`${plural(problems.length, 'problem')} found`, EXIT.usage);
    this.name = 'ProblemsError';
  }
}
