/**
 * `breachready [interview]`: checks the terminal and the options, loads the answers and their
 * checklists, then runs a sitting (src/interview/session.ts) from the first-run questions
 * (src/interview/first-run.ts) or where the file left off, to the final report.
 */
import { HIGHEST_LEVEL } from '../checklist/vocabulary.js';
import { existsSync } from 'node:fs';
import version from 'breachready:version';
import { AnswersStore } from '../answers/store.js';
import { checklistSpecsOf, readAnswersFile, resolveAnswers } from '../answers/file.js';
import type { Answers } from '../answers/model.js';
import { buildCatalog } from '../catalog.js';
import type { Catalog } from '../catalog.js';
import type { Level } from '../checklist/schema.js';
import { loadSelection } from '../checklist/select.js';
import type { Globals } from '../cli/command.js';
import { asOfDate } from '../clock.js';
import { useColor } from '../color.js';
import { CliError, EXIT, ProblemsError } from '../errors.js';
import { checkWritable, writeFileAtomic } from '../fs-atomic.js';
import { evidenceFromInput } from '../answers/evidence-input.js';
import { firstRun } from '../interview/first-run.js';
import { revisitPlan, revisitSummary } from '../interview/revisit.js';
import type { RevisitPlan } from '../interview/revisit.js';
import { applicableQuestions, runInterview } from '../interview/interview.js';
import type { Prompter } from '../interview/prompter.js';
import { InterviewSession } from '../interview/session.js';
import { checklistArgs, commandLine } from '../invocation.js';
import { isStdin } from '../answers/stdin.js';
import { plural } from '../plural.js';
import { formatGrade, formatScore, wrap } from '../report/common.js';
import { FORMATS, formatForFile, render } from '../report/formats.js';
import { renderNextSteps, renderText } from '../report/text.js';
import type { NextStep } from '../report/text.js';
import { score } from '../scoring/score.js';
import { write } from '../std-streams.js';
import { terminalWidth } from '../terminal.js';
import { quote } from '../text.js';
import type { InterviewOptions } from './interview-options.js';

const DEFAULT_REPORT_FILE = 'breachready-report.md';

export async function runInterviewCommand(options: InterviewOptions, globals: Globals): Promise<void> {
  const file = options.answers!; // declared with a default
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CliError(
      'the interview needs a terminal (stdin and stdout must be a TTY)',
      EXIT.usage,
      [
        `In scripts and CI, score a filled-in file: ${commandLine('report', file)}`,
        // Never suggest writing a template over answers that already exist.
        ...(existsSync(file) ? [] : [`To fill one in by hand, start from: ${commandLine('template', '-o', file)}`]),
      ].join('\n'),
    );
  }
  if (isStdin(file)) throw new CliError('the interview writes its answers to a file: give --answers a file name, not -');
  if (options.output !== undefined) checkMarkdownName(options.output);
  if (options.review && options.revisit) throw new CliError('--review walks every question and --revisit only some: give one of them');
  if (options.revisit && !existsSync(file)) throw new CliError(`nothing to revisit: ${file} does not exist yet`, EXIT.usage, `Start the interview with: ${commandLine('--answers', file)}`);
  const asOf = asOfDate(options.asOf);
  if (options.maxAge && !options.revisit) write('stderr', 'note: --max-age only chooses what --revisit stale asks: ignored without it\n');
  // Answers are saved after every question: say now, not after the first one, if they cannot be.
  checkWritable(file);
  const again = (...args: string[]) => commandLine('--answers', file, ...checklistArgs(options.checklist), ...args);
  const color = useColor('stdout', globals.color);

  // Load (or start) the answers file; a broken file is reported and never overwritten.
  const exists = existsSync(file);
  const parsed = exists ? await readAnswersFile(file) : undefined;
  if (parsed?.problems.length) throw new ProblemsError(parsed.problems);
  const loaded = await loadSelection(options.checklist ?? [], parsed ? checklistSpecsOf(parsed) : []);
  const catalog = buildCatalog(loaded.map((l) => l.checklist));
  let answers: Answers = { answers: new Map(), file };
  if (parsed) {
    const resolved = resolveAnswers(parsed, catalog, { narrowed: (options.checklist ?? []).length > 0 });
    if (resolved.problems.length) throw new ProblemsError(resolved.problems);
    answers = resolved.answers;
  }
  const { terminalPrompter, isPromptExit } = await import('../interview/prompts.js');
  const session = new InterviewSession(file);
  const prompter = terminalPrompter(process.stdout, session.signal);
  const save = (change: Parameters<AnswersStore['update']>[0]) => session.save(store, change, prompter);
  let store: AnswersStore;
  let level = options.level ?? answers.level;
  let revisit: RevisitPlan | undefined;
  try {
    if (!parsed) {
      const first = await firstRun(prompter, catalog, { file, asOf, level, checklists: options.checklist });
      level = first.level;
      answers = { ...answers, organization: first.organization, assessor: first.assessor, level };
      store = new AnswersStore(file, { document: first.document });
      await save(() => undefined);
    } else {
      store = new AnswersStore(file, { text: parsed.source.text });
      level ??= HIGHEST_LEVEL;
      if (options.level && options.level !== answers.level) {
        const chosen = level;
        await save((doc) => doc.setMeta('level', chosen));
      }
      const sequence = applicableQuestions(catalog, answers, level);
      const answered = sequence.filter((e) => answers.answers.get(e.globalId)?.value !== undefined).length;
      if (options.revisit) {
        revisit = revisitPlan(sequence, answers.answers, asOf, options.maxAge ?? answers.maxAge);
        prompter.print(`${revisitSummary(revisit, sequence.length)}\n`);
      } else prompter.print(`${options.review ? 'Reviewing' : 'Resuming'}: ${answered} of ${sequence.length} answered (${file}, level ${level}).\n`);
    }
    const at: Level = level;

    const outcome = await runInterview(catalog, answers, { level: at, review: options.review ?? false, revisit, asOf, color, width: terminalWidth() }, {
      prompter,
      evidence: {
        fromInput: (text) => evidenceFromInput(text, { answersFile: file, asOf }),
        save: (globalId, item) => save((doc) => void doc.addEvidence(globalId, item)),
      },
      save: (globalId, answer) =>
        save((doc) => {
          // Every answer given or re-confirmed is dated, and signed when the file names its assessor.
          doc.setAnswer(globalId, { value: answer.value, note: answer.note, answered: asOf, by: answers.assessor });
          doc.setMeta('date', asOf);
        }),
    });
    // Checklists now fully answered are recorded at their current version, so a later update
    // that adds questions is reported as such.
    const open = new Set(applicableQuestions(catalog, answers, at).filter((e) => answers.answers.get(e.globalId)?.value === undefined).map((e) => e.checklist.id));
    await save((doc) => doc.setVersions(Object.fromEntries(catalog.checklists.filter((c) => !open.has(c.id)).map((c) => [c.id, c.version]))));
    await finish(catalog, answers, { file, level: at, asOf, color, output: options.output, outcome, prompter, again });
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    const stopped = interrupted(file, again());
    if (!session.stoppedBy) throw stopped;
    // SIGTERM and SIGHUP end the interview like Ctrl-C, saying which ended it.
    write('stdout', '\n');
    throw new CliError(`${session.stoppedBy}: ${stopped.message}`, EXIT.interrupted, stopped.hint);
  } finally {
    session.close();
  }
}

interface FinishContext {
  file: string;
  level: Level;
  asOf: string;
  color: boolean;
  output?: string;
  outcome: { asked: number; skipped: number };
  prompter: Prompter;
  /** The command line that reopens these answers, with these arguments added. */
  again: (...args: string[]) => string;
}

/**
 * The end of a sitting: the terminal report, the score again next to the offer of the Markdown
 * report, then the commands for what is left to do.
 */
async function finish(catalog: Catalog, answers: Answers, context: FinishContext): Promise<void> {
  const { prompter, file, again } = context;
  const assessment = score(catalog, { ...answers, file }, { level: context.level, asOf: context.asOf });
  // Unanswered scoping questions count too: they are still to be asked.
  const unanswered = assessment.unanswered.length;
  const status = `${unanswered ? `${plural(unanswered, 'question')} left for later.` : 'Every applicable question is answered.'} Answers saved in ${file}.`;
  prompter.print(`\n${wrap(status, terminalWidth() - 1).join('\n')}\n\n`);
  write('stdout', renderText(assessment, { color: context.color }));
  prompter.print(`\nScore ${formatScore(assessment.score)} / 100, grade ${formatGrade(assessment)}.\n`);

  let target = context.output;
  if (!target && (await prompter.confirm('Write the Markdown report for your client?', true))) target = await askReportFile(prompter);
  const report = target ? await render('markdown', assessment, { tool: { name: 'breachready', version }, color: false }) : undefined;
  while (target && report !== undefined) {
    try {
      writeFileAtomic(target, report);
      prompter.print(`Wrote ${target}.\n`);
      break;
    } catch (error) {
      // Asked for here, the file name can be asked again; given with -o, the error ends the run.
      if (!(error instanceof CliError) || context.output) throw error;
      prompter.print(`${error.message}\n`);
      target = await askReportFile(prompter);
    }
  }

  const next: NextStep[] = [
    ...(unanswered ? [{ what: 'Continue where you stopped', command: again() }] : []),
    { what: 'Change answers', command: again('--review') },
    ...(target ? [] : [{ what: 'Write the client report', command: commandLine('report', '--answers', file, '-o', 'report.md') }]),
  ];
  prompter.print(`\n${renderNextSteps(next, context.color)}`);
}

/** Asks for the Markdown report's file name until it ends in .md and overwrites nothing unconfirmed. */
async function askReportFile(prompter: Prompter): Promise<string> {
  for (;;) {
    const name = (await prompter.input('File name', { default: DEFAULT_REPORT_FILE })).trim() || DEFAULT_REPORT_FILE;
    try {
      checkMarkdownName(name);
    } catch (error) {
      prompter.print(`${(error as Error).message}\n`);
      continue;
    }
    if (!existsSync(name) || (await prompter.confirm(`${name} already exists. Overwrite it?`, false))) return name;
  }
}

/** The Markdown report's file name must say it is Markdown (the extension `report -o` goes by). */
function checkMarkdownName(name: string): void {
  if (formatForFile(name) !== 'markdown') throw new CliError(`the Markdown report's file name must end in ${FORMATS.markdown.extensions.join(' or ')}: ${quote(name)}`);
}

/** Ctrl-C at a prompt: everything answered is already on disk (or, before the first save, nothing is). */
function interrupted(file: string, resume: string): CliError {
  if (!existsSync(file)) return new CliError('interrupted before anything was saved.', EXIT.interrupted, `Start again with: ${resume}`);
  return new CliError(`interrupted. Your answers so far are saved in ${file}.`, EXIT.interrupted, `Resume with: ${resume}`);
}
