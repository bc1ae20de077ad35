/**
 * The command-line entry: has each command declare itself (each imports its code only when it
 * runs), and is the one place that turns errors into messages and exit codes.
 */
import { Command, CommanderError } from 'commander';
import version from 'breachready:version';
import { CliError, EXIT, ProblemsError } from './errors.js';
import { COMMANDS, COMMAND_NAMES, DEFAULT_COMMAND } from './cli/commands.js';
import type { Globals } from './cli/command.js';
import { plural } from './plural.js';
import { formatProblem, sortProblems } from './problems.js';
import type { Problem } from './problems.js';
import { allWritten, exitOnWriteError, whenFirstUsed, write } from './std-streams.js';
import { oneLine, stderrLine } from './text.js';

const program = new Command('breachready')
  .description('Security-readiness audit drawn from the 2014 Sony Pictures breach: interview, score, and a prioritised gap report.')
  .version(version, '-v, --version', 'print the version')
  .helpOption('-h, --help', 'show help')
  .option('--no-color', 'no colour in terminal output (also NO_COLOR=1)')
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ writeErr: (s) => write('stderr', s), writeOut: (s) => write('stdout', s) })
  .addHelpText(
    'after',
    `
Examples:
  $ breachready                                  interview in this terminal (answers in breachready-answers.yaml)
  $ breachready list --level 1                   the checklists, with the essential questions only
  $ breachready validate my-checklist.yaml       check a checklist or an answers file`,
  );

/**
 * The one command a run can reach, when it is plain from the arguments: a command's name first,
 * nothing at all, or an option of the default command first (commander hands the default command
 * everything from an option the program does not know). Declaring only that command spares most
 * of commander's set-up; help, a misspelt command, or a program option first (which could be
 * followed by any command) get them all, as help and suggestions list every one.
 */
function reachableCommand(args: readonly string[]): string | undefined {
  if (args.includes('--help') || args.includes('-h')) return undefined;
  const first = args[0];
  if (first === undefined) return DEFAULT_COMMAND;
  if (COMMAND_NAMES.includes(first)) return first;
  // The program's own options (help aside, above); any other option goes to the default command.
  const programOption = program.options.some((option) => option.short === first || option.long === first);
  return first.startsWith('-') && !programOption ? DEFAULT_COMMAND : undefined;
}

function globals(): Globals {
  const { color } = program.opts<{ color?: boolean }>();
  return { color: color === false ? false : undefined };
}

const only = reachableCommand(process.argv.slice(2));
for (const command of COMMANDS) if (only === undefined || command.name === only) command.declare(program, { globals, names: COMMAND_NAMES });

const MAX_PROBLEMS_SHOWN = 200;

/** The same problem found twice (e.g. by a parser that recovers badly) is reported once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}\0${p.line}\0${p.col}\0${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Prints an expected error as one line (no stack) and returns its exit code. */
function report(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ProblemsError) {
    const problems = dedupe(sortProblems(error.problems));
    for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) write('stderr', `${stderrLine(formatProblem(problem))}\n`);
    if (problems.length > MAX_PROBLEMS_SHOWN) write('stderr', `... and ${problems.length - MAX_PROBLEMS_SHOWN} more (the first ${MAX_PROBLEMS_SHOWN} are shown)\n`);
    write('stderr', `breachready: ${plural(problems.length, 'problem')} found\n`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    write('stderr', `${error.message.split('\n').map((line, i) => stderrLine(i === 0 ? `breachready: ${line}` : line)).join('\n')}\n`);
    if (error.hint) write('stderr', `${error.hint.split('\n').map(stderrLine).join('\n')}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  write('stderr', `breachready: internal error: ${oneLine(message)}\nPlease report it with the command you ran. (BREACHREADY_DEBUG=1 shows details)\n`);
  if (process.env.BREACHREADY_DEBUG) write('stderr', `${(error as Error)?.stack ?? ''}\n`);
  return EXIT.internal;
}

for (const name of ['stdout', 'stderr'] as const) whenFirstUsed(name, (stream) => stream.on('error', (error: NodeJS.ErrnoException) => exitOnWriteError(name, error)));

// Anything that escapes a command still ends as one line and an exit code, never a stack trace.
const fail = (error: unknown) => process.exit(report(error));
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

program
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.exitCode = report(error);
  })
  // All output written: exit now rather than wait for the event loop, where V8 may have queued a
  // garbage collection that nothing needs any more (a millisecond of a short run).
  .then(() => allWritten() && process.exit());
