/**
 * How the person started breachready, so the commands a hint suggests can be pasted as they are:
 * `npx breachready` (npx, npm exec, or a local install run from an npm script or by its path),
 * `breachready` (a command on PATH) or `node <path to the script>`.
 */
import { basename, dirname, isAbsolute, relative } from 'node:path';

export interface InvocationSource {
  /** process.argv[1]: the script node runs, or the bin link it was started through. */
  script: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The command words that start breachready the way it was started this time. */
export function invocationOf({ script, env, cwd }: InvocationSource): string {
  if (env.npm_command === 'exec') return 'npx breachready';
  if (!script) return 'breachready';
  if (basename(script) === 'breachready') {
    // A link in node_modules/.bin is not on the person's PATH: npx finds it.
    return basename(dirname(script)) === '.bin' && basename(dirname(dirname(script))) === 'node_modules' ? 'npx breachready' : 'breachready';
  }
  const near = relative(cwd, script);
  return `node ${shellQuote(near && !near.startsWith('..') && !isAbsolute(near) ? near : script)}`;
}

let cached: string | undefined;

/** invocationOf() for this process. */
export function invocation(): string {
  cached ??= invocationOf({ script: process.argv[1], env: process.env, cwd: process.cwd() });
  return cached;
}

/** A command line to suggest: breachready as invoked, then the arguments quoted for a POSIX shell. */
export function commandLine(...args: string[]): string {
  return [invocation(), ...args.map(shellQuote)].join(' ');
}

/** `--checklist X` for each checklist the run was given, to keep the same selection in a suggested command. */
export function checklistArgs(checklists: readonly string[] | undefined): string[] {
  return (checklists ?? []).flatMap((c) => ['--checklist', c]);
}

/** An argument as a POSIX shell reads it back: bare when safe, else in single quotes. */
export function shellQuote(arg: string): string {
  return /^[\w./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
