/** `breachready [interview]`: the interview in a terminal, resumable, saving after every answer. */
import { existsSync } from 'node:fs';
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import version from 'breachready:version';
import { acquireLock } from '../answers/lock.js';
import type { AnswersDocument } from '../answers/document.js';
import { AnswersStore } from '../answers/store.js';
import { checklistSpecsOf, readAnswersFile, resolveAnswers } from '../answers/file.js';
import type { Answers } from '../answers/model.js';
import { buildCatalog } from '../catalog.js';
import type { Catalog } from '../catalog.js';
import type { Level } from '../checklist/schema.js';
import { asOfDate } from '../clock.js';
import { useColor } from '../color.js';
import { CliError, EXIT, ProblemsError } from '../errors.js';
import { checkWritable, removeStaleTemps, writeFileAtomic } from '../fs-atomic.js';
import { applicableQuestions, runInterview } from '../interview/interview.js';
import type { Prompter } from '../interview/prompter.js';
import { plural } from '../plural.js';
import { wrap } from '../report/common.js';
import { renderNextSteps, renderText } from '../report/text.js';
import type { NextStep } from '../report/text.js';
import { FORMATS, formatForFile } from '../report/formats.js';
import { quote, stderrLine } from '../text.js';
import { formatGrade, formatScore } from '../report/common.js';
import { commandLine } from '../invocation.js';
import { score } from '../scoring/score.js';
import { schemaRef } from '../answers/schema-ref.js';
import { loadSelection } from './shared.js';
import { write } from '../std-streams.js';

const DEFAULT_REPORT_FILE = 'breachready-report.md';
const SECONDS_PER_QUESTION = 25;

export interface InterviewCommandOptions {
  answers?: string;
  level?: string;
  checklist?: string[];
  review?: boolean;
  output?: string;
}

export async function runInterviewCommand(options: InterviewCommandOptions, globals: { color: boolean | undefined }): Promise<void> {
  const file = options.answers ?? DEFAULT_ANSWERS_FILE;
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
  if (file === '-') throw new CliError('the interview writes its answers to a file: give --answers a file name, not -');
  if (options.output !== undefined) checkMarkdownName(options.output);
  // Answers are saved after every question: say now, not after the first one, if they cannot be.
  checkWritable(file);
  const again = (...args: string[]) => commandLine('--answers', file, ...(options.checklist ?? []).flatMap((c) => ['--checklist', c]), ...args);
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
  const prompter = terminalPrompter();
  const asOf = asOfDate(undefined);
  const lock = acquireLock(file);
  removeStaleTemps(file);
  const stopOnSignal = (signal: NodeJS.Signals) => {
    // SIGTERM and SIGHUP end the interview like Ctrl-C: every answer given is already on disk.
    lock.release();
    const stopped = interrupted(file, again());
    write('stdout', '\n');
    write('stderr', `${stderrLine(`breachready: ${signal}: ${stopped.message}`)}\n${stderrLine(stopped.hint ?? '')}\n`);
    process.exit(EXIT.interrupted);
  };
  process.on('SIGTERM', stopOnSignal);
  process.on('SIGHUP', stopOnSignal);
  // However the process ends (a closed terminal can end it through an output error), the lock goes.
  const releaseOnExit = () => lock.release();
  process.on('exit', releaseOnExit);
  let level = (options.level ? Number(options.level) : answers.level) as Level | undefined;
  try {
    let store: AnswersStore;
    if (!parsed) {
      const intro = `breachready ${version}: a security-readiness interview drawn from the 2014 Sony Pictures breach. Your answers are saved to ${file} after every question: stop any time with Ctrl-C and resume later.`;
      prompter.print(`${wrap(intro, terminalWidth() - 1).join('\n')}\n\n`);
      const organization = (await prompter.input('Organisation name')).trim();
      const assessor = (await prompter.input('Your name (the assessor)')).trim();
      level ??= await askLevel(prompter, catalog);
      const { AnswersDocument } = await import('../answers/document.js');
      const doc = AnswersDocument.create({
        organization: organization || undefined,
        assessor: assessor || undefined,
        date: asOf,
        level,
        checklists: options.checklist,
        versions: Object.fromEntries(catalog.checklists.map((c) => [c.id, c.version])),
        schemaRef: schemaRef(file),
      });
      answers = { ...answers, organization, assessor, level };
      store = new AnswersStore(file, { document: doc });
      await saveWithRetry(store, () => undefined, prompter);
    } else {
      store = new AnswersStore(file, { text: parsed.source.text });
      level ??= 3;
      if (options.level && Number(options.level) !== answers.level) {
        const chosen = level;
        await saveWithRetry(store, (doc) => doc.setMeta('level', chosen), prompter);
      }
      const sequence = applicableQuestions(catalog, answers, level);
      const answered = sequence.filter((e) => answers.answers.get(e.globalId)?.value !== undefined).length;
      prompter.print(`${options.review ? 'Reviewing' : 'Resuming'}: ${answered} of ${sequence.length} answered (${file}, level ${level}).\n`);
    }

    const outcome = await runInterview(catalog, answers, { level, review: options.review ?? false, color, width: terminalWidth() }, {
      prompter,
      save: (globalId, answer) =>
        saveWithRetry(
          store,
          (doc) => {
            doc.setAnswer(globalId, { value: answer.value, note: answer.note });
            doc.setMeta('date', asOf);
          },
          prompter,
        ),
    });
    // Checklists now fully answered are recorded at their current version, so a later update
    // that adds questions is reported as such.
    const open = new Set(applicableQuestions(catalog, answers, level).filter((e) => answers.answers.get(e.globalId)?.value === undefined).map((e) => e.checklist.id));
    await saveWithRetry(store, (doc) => doc.setVersions(Object.fromEntries(catalog.checklists.filter((c) => !open.has(c.id)).map((c) => [c.id, c.version]))), prompter);
    await finish(catalog, answers, { file, level, asOf, color, output: options.output, outcome, prompter, again });
  } catch (error) {
    if (isPromptExit(error)) throw interrupted(file, again());
    throw error;
  } finally {
    lock.release();
    process.off('SIGTERM', stopOnSignal);
    process.off('SIGHUP', stopOnSignal);
    process.off('exit', releaseOnExit);
  }
}

/**
 * Saves, and when the file cannot be written (read-only directory, full disk, a broken edit on
 * disk) says why and offers to retry; declining prints the unsaved answers so none is lost.
 */
async function saveWithRetry(store: AnswersStore, change: (doc: AnswersDocument) => void, prompter: Prompter): Promise<void> {
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

/** Columns to lay text out in: the terminal's (a pty may report 0), at most 100 for readability. */
function terminalWidth(): number {
  return Math.min(process.stdout.columns || 80, 100);
}

async function askLevel(prompter: Prompter, catalog: Catalog): Promise<Level> {
  const count = (level: Level) => applicableQuestions(catalog, { answers: new Map() }, level).length;
  const minutes = (level: Level) => Math.max(1, Math.round((count(level) * SECONDS_PER_QUESTION) / 60));
  const describe = (level: Level, label: string) => `${level} ${label}: ${plural(count(level), 'question')}, about ${minutes(level)} min`;
  return prompter.select<Level>(
    'Which level?',
    [
      { name: describe(1, 'essentials, for any organisation'), value: 1 },
      { name: describe(2, 'standard, for an organisation with an IT team'), value: 2 },
      { name: describe(3, 'advanced, every question'), value: 3 },
    ],
    1,
  );
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
  const report = target ? (await import('../report/markdown.js')).renderMarkdown(assessment, { tool: { name: 'breachready', version } }) : undefined;
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
export function interrupted(file: string, resume: string): CliError {
  if (!existsSync(file)) return new CliError('interrupted before anything was saved.', EXIT.interrupted, `Start again with: ${resume}`);
  return new CliError(`interrupted. Your answers so far are saved in ${file}.`, EXIT.interrupted, `Resume with: ${resume}`);
}
