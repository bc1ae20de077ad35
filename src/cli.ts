/**
 * The command-line entry: declares the commands, imports each one's code only when it runs,
 * and is the one place that turns errors into messages and exit codes.
 */
import { Command, CommanderError, Option } from 'commander';
import version from 'breachready:version';
import { CliError, EXIT, ProblemsError } from './errors.js';
import { DEFAULT_ANSWERS_FILE } from './answers/default-file.js';
import { plural } from './plural.js';
import { formatProblem, sortProblems } from './problems.js';
import type { Problem } from './problems.js';
import { allWritten, exitOnWriteError, whenFirstUsed, write } from './std-streams.js';
import { oneLine, stderrLine } from './text.js';


const collect = (value: string, previous: string[] = []) => [...previous, value];
const checklistOption = () =>
  new Option('-c, --checklist <id|path>', 'use only this checklist: a built-in id, a YAML file or a directory (repeatable)').argParser(collect);
const levelOption = () =>
  new Option('-l, --level <n>', 'assessment level: 1 essentials, 2 standard, 3 advanced (every question)').choices(['1', '2', '3']);

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

/** Each command's declaration, in the order help lists them. */
const COMMANDS: Record<string, () => unknown> = {
  interview: () =>
    program
      .command('interview', { isDefault: true })
      .description('interview in this terminal (the default command); answers are saved after every question')
      .option('-a, --answers <file>', 'the answers file to write and resume', DEFAULT_ANSWERS_FILE)
      .addOption(levelOption())
      .addOption(checklistOption())
      .option('--review', 'walk every question again, with the current answers preselected')
      .option('-o, --output <file>', 'at the end, write the Markdown report to this file without asking')
      .addHelpText(
        'after',
        `
    Examples:
      $ npx breachready                               start, or resume, breachready-answers.yaml
      $ breachready --answers acme.yaml --level 1     a client's essentials, in their own file
      $ breachready --answers acme.yaml --review      go over every answer again
      $ breachready --answers acme.yaml -o acme-report.md`,
      )
      .allowExcessArguments(true)
      .action(async (options, command: Command) => {
        // The default command receives whatever word was not a command: say so, with a suggestion.
        const [word] = command.args;
        if (word !== undefined) {
          const { didYouMean } = await import('./suggest.js');
          throw new CliError(`unknown command "${word}"${didYouMean(word, Object.keys(COMMANDS))}`, EXIT.usage, 'See: breachready --help');
        }
        return (await import('./commands/interview.js')).runInterviewCommand(options, globals());
      }),
  list: () =>
    program
      .command('list')
      .description('list the checklists and their question counts')
      .option('--json', 'print every checklist with all its fields as JSON')
      .addOption(levelOption())
      .addOption(checklistOption())
      .addHelpText('after', '\nExamples:\n  $ breachready list\n  $ breachready list --level 1\n  $ breachready list --json > checklists.json\n  $ breachready list --checklist ./our-vendors.yaml')
      .action(async (options) => (await import('./commands/list.js')).runList(options, globals())),
  validate: () =>
    program
      .command('validate')
      .description('check checklists and answers files; print every problem as file:line:col')
      .argument('<path...>', 'YAML files or directories of them')
      .addOption(checklistOption())
      .addHelpText('after', '\nExamples:\n  $ breachready validate checklists/\n  $ breachready validate our-vendors.yaml breachready-answers.yaml')
      .action(async (paths: string[], options) => (await import('./commands/validate.js')).runValidate(paths, options)),
  schema: () =>
    program
      .command('schema')
      .description('print the JSON Schema of checklists or answers files')
      .argument('[kind]', 'checklist or answers', 'checklist')
      .addHelpText('after', '\nExamples:\n  $ breachready schema checklist > checklist.schema.json\n  $ breachready schema answers')
      .action(async (kind: string) => (await import('./commands/schema.js')).runSchema(kind)),
  report: () =>
    program
      .command('report')
      .description('score an answers file and print the gap report (text, Markdown or JSON)')
      .argument('[file]', 'the answers file, as with --answers')
      .option('-a, --answers <file>', `the answers file (- reads standard input; default: ${DEFAULT_ANSWERS_FILE} when it exists)`)
      .addOption(new Option('-f, --format <format>', 'format on stdout (default: text, or none when -o is given)').choices(['text', 'markdown', 'json', 'junit', 'sarif']))
      .addOption(
        new Option('-o, --output <file>', 'also write a report file; the format follows the extension: .md .json .txt .xml (JUnit) .sarif (repeatable)').argParser(collect),
      )
      .addOption(checklistOption())
      .addOption(levelOption())
      .option('--as-of <date>', 'judge accepted risks as of this date, YYYY-MM-DD (default: today), for reproducible reports')
      .addOption(
        new Option('--fail-on <severity>', 'exit 1 when an open gap (not an accepted risk) at or above this severity remains')
          .choices(['critical', 'high', 'medium', 'low', 'none'])
          .default('none'),
      )
      .option('--min-score <0-100>', 'exit 1 when the overall score is below this')
      .option('--require-complete', 'exit 1 when an applicable question is unanswered')
      .option('--baseline <file>', 'an earlier answers file: report what improved and what regressed since')
      .option('--fail-on-regression', 'with --baseline: exit 1 only when something got worse (a ratchet)')
      .addHelpText(
        'after',
        `
    Exit codes: 0 pass, 1 policy failed (reason on stderr), 2 usage or input error, 130 interrupted.

    Examples:
      $ breachready report                           reads ${DEFAULT_ANSWERS_FILE}
      $ breachready report acme.yaml
      $ breachready report --answers answers.yaml --fail-on high --min-score 70 -o report.md
      $ breachready report --answers answers.yaml --fail-on critical -o junit.xml -o results.sarif
      $ breachready report --answers answers.yaml -o report.md -o report.json
      $ breachready report --answers answers.yaml --format json --as-of 2026-11-22 > report.json
      $ cat answers.yaml | breachready report --answers - --level 1`,
      )
      .action(async (file: string | undefined, options) => (await import('./commands/report.js')).runReport(options, globals(), file)),
  diff: () =>
    program
      .command('diff')
      .description('compare two answers files: what improved and what regressed')
      .argument('<old>', 'the baseline answers file (e.g. from the main branch)')
      .argument('<new>', 'the current answers file')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
      .option('--fail-on-regression', 'exit 1 when anything got worse (new gap, lower answer, expired acceptance, new unanswered question)')
      .addOption(checklistOption())
      .addOption(levelOption())
      .option('--as-of <date>', 'judge accepted risks as of this date, YYYY-MM-DD (default: today)')
      .addHelpText(
        'after',
        `
    Examples:
      $ breachready diff baseline.yaml breachready-answers.yaml
      $ git show main:answers.yaml > /tmp/base.yaml && breachready diff /tmp/base.yaml answers.yaml --fail-on-regression`,
      )
      .action(async (oldFile: string, newFile: string, options) => (await import('./commands/diff.js')).runDiff(oldFile, newFile, options)),
  template: () =>
    program
      .command('template')
      .description('write an answers file with every applicable question, to fill in by hand')
      .addOption(levelOption())
      .addOption(checklistOption())
      .option('-o, --output <file>', 'write to this file instead of stdout (never overwrites without --force)')
      .option('--force', 'replace an existing output file')
      .addHelpText(
        'after',
        `
    Examples:
      $ breachready template -o breachready-answers.yaml
      $ breachready template --level 1 --checklist social-media --checklist backup-recovery`,
      )
      .action(async (options) => (await import('./commands/template.js')).runTemplate(options)),
};

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
  if (first === undefined) return 'interview';
  if (Object.hasOwn(COMMANDS, first)) return first;
  // The program's own options (help aside, above); any other option goes to the default command.
  const programOption = program.options.some((option) => option.short === first || option.long === first);
  return first.startsWith('-') && !programOption ? 'interview' : undefined;
}

const only = reachableCommand(process.argv.slice(2));
for (const [name, declare] of Object.entries(COMMANDS)) if (only === undefined || name === only) declare();

function globals(): { color: boolean | undefined } {
  const { color } = program.opts<{ color?: boolean }>();
  return { color: color === false ? false : undefined };
}

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
  return 70;
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
