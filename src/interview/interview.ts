/**
 * The interview: walks the applicable questions through an injected Prompter, and hands every
 * answer to `save` at once, so an interrupted sitting never loses what was answered.
 */
import { ANSWER_LABELS, ANSWER_VALUES } from '../checklist/vocabulary.js';
import { Chalk } from 'chalk';
import { withEvidence } from '../answers/evidence-list.js';
import { shortHash } from '../evidence/review.js';
import type { Answer, Answers, EvidenceItem } from '../answers/model.js';
import type { Catalog, CatalogEntry } from '../catalog.js';
import type { AnswerValue, Level } from '../checklist/schema.js';
import { CliError } from '../errors.js';
import { wrap } from '../report/common.js';
import { whenEvaluator } from '../scoring/score.js';
import { quote, stripControl, terminalLine } from '../text.js';
import { firstQuestion, isBefore, nextQuestion, previousQuestion } from './navigation.js';
import type { Choice, Prompter } from './prompter.js';
import { describeOldAnswer, evidenceLine, expectsEvidence, revisitReasons } from './revisit.js';
import type { RevisitPlan } from './revisit.js';

type Action = AnswerValue | 'skip' | 'back' | 'help';

export interface InterviewOptions {
  level: Level;
  /** Walk every applicable question with the current answers preselected. */
  review: boolean;
  /** The day of the sitting: answers are dated with it, and evidence judged current or expired on it. */
  asOf?: string;
  /** With --revisit: the questions due again, and why; the others answered are passed over. */
  revisit?: RevisitPlan;
  color: boolean;
  width?: number;
}

export interface InterviewIO {
  prompter: Prompter;
  /** Persists one answer (the answers file is written before the next question is asked). */
  save(globalId: string, answer: Answer): void | Promise<void>;
  /** Evidence after a yes or partial to a high or critical question; without it, none is asked for. */
  evidence?: EvidenceIO;
}

export interface EvidenceIO {
  /** The evidence item for what the person typed, or a CliError saying why it cannot be one. */
  fromInput(text: string): Promise<EvidenceItem>;
  /** Records the item with the answer (at once, like every answer). */
  save(globalId: string, item: EvidenceItem): void | Promise<void>;
}

export interface InterviewOutcome {
  asked: number;
  skipped: number;
}

const ANSWER_CHOICES: Choice<Action>[] = ANSWER_VALUES.map((value) => ({
  name: ANSWER_LABELS[value],
  value,
  ...(value === 'na' ? { description: 'needs a short justification' } : {}),
}));
/** A scoping (gate) question only decides what applies: it is answered yes, no or don't know. */
const GATE_VALUES: ReadonlySet<Action> = new Set(['yes', 'no', 'unknown']);

type NoteAction = 'keep' | 'replace' | 'clear';

/** Questions that apply at this level given the answers so far, in checklist order. */
export function applicableQuestions(catalog: Catalog, answers: Answers, level: Level): CatalogEntry[] {
  const applies = whenEvaluator(catalog, answers);
  return catalog.entries.filter((e) => e.question.level <= level && applies(e));
}

/** The answers a question offers (navigation aside). */
export function answerChoices(entry: CatalogEntry): Choice<Action>[] {
  return entry.question.gate ? ANSWER_CHOICES.filter((c) => GATE_VALUES.has(c.value)) : ANSWER_CHOICES;
}

/** Runs the question loop until every applicable question is answered, skipped or reviewed. */
export async function runInterview(catalog: Catalog, answers: Answers, options: InterviewOptions, io: InterviewIO): Promise<InterviewOutcome> {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.min(options.width ?? 80, 100);
  const { prompter } = io;
  const walk = { review: options.review, revisit: options.revisit && new Set(options.revisit.due.keys()), skipped: new Set<string>(), furthest: undefined as CatalogEntry | undefined };
  // Answered in this sitting: no longer shown as due again when the person comes back to it.
  const answeredNow = new Set<string>();
  let asked = 0;
  let entry = firstQuestion(applicableQuestions(catalog, answers, options.level), answers, walk);

  while (entry) {
    if (!walk.furthest || isBefore(walk.furthest, entry)) walk.furthest = entry;
    const sequence = applicableQuestions(catalog, answers, options.level);
    const position = sequence.indexOf(entry) + 1;
    const answered = sequence.filter((e) => answers.answers.get(e.globalId)?.value !== undefined).length;
    prompter.print(`\n${header(entry, position, sequence.length, answered)}\n`);

    const previous = previousQuestion(sequence, entry);
    const current = answers.answers.get(entry.globalId);
    if (options.revisit && !answeredNow.has(entry.globalId)) {
      const reasons = revisitReasons(entry, current, options.revisit.asOf, options.revisit.maxAge);
      if (reasons.length) prompter.print(`${describeOldAnswer(reasons, current, options.revisit).map((line) => `  ${line}`).join('\n')}\n`);
    }
    let action: Action;
    for (;;) {
      const choices: Choice<Action>[] = [
        ...answerChoices(entry),
        { name: '', value: 'skip', separator: true },
        { name: 'Help: what a good answer looks like, and why it matters', value: 'help' },
        { name: 'Skip for now', value: 'skip' },
        { name: 'Back to the previous question', value: 'back', disabled: previous ? false : '(this is the first one)' },
      ];
      action = await prompter.select<Action>(wrap(terminalLine(entry.question.ask), width - 4).join('\n  '), choices, current?.value);
      if (action !== 'help') break;
      prompter.print(`${helpText(entry)}\n`);
    }

    if (action === 'back') {
      entry = previous;
      continue;
    }
    if (action === 'skip') {
      walk.skipped.add(entry.globalId);
    } else {
      await answerWith(entry, action, current);
      answeredNow.add(entry.globalId);
      if (io.evidence && expectsEvidence(entry.question, action)) await askEvidence(entry, io.evidence);
      asked++;
    }
    entry = nextQuestion(applicableQuestions(catalog, answers, options.level), entry, answers, walk);
  }
  return { asked, skipped: walk.skipped.size };

  /**
   * Records the answer chosen, then settles its note. A new choice is saved before the note is
   * asked (keeping any note it had), so Ctrl-C at the note prompt loses nothing; only a first "not
   * applicable" waits for its justification, as a file cannot hold "na" without one.
   */
  async function answerWith(entry: CatalogEntry, value: AnswerValue, current: Answer | undefined): Promise<void> {
    const record = async (note: string | undefined) => {
      // Dated in memory as in the file, so the end of the sitting judges its freshness right.
      const answer: Answer = { ...current, value, note, ...(options.asOf === undefined ? {} : { answered: options.asOf }) };
      answers.answers.set(entry.globalId, answer);
      await io.save(entry.globalId, answer);
    };
    const old = current?.note;
    const savedFirst = value !== current?.value && (value !== 'na' || old !== undefined);
    if (savedFirst) await record(old);
    const note = await askNote(entry, value, current);
    if (note !== old || !savedFirst) await record(note);
  }

  /** The note for a new answer: an old note is kept, replaced or cleared as the person says. */
  async function askNote(entry: CatalogEntry, value: AnswerValue, current: Answer | undefined): Promise<string | undefined> {
    const old = current?.note;
    const wantsNote = value === 'na' || (!entry.question.gate && (value === 'partial' || value === 'no' || value === 'unknown'));
    if (old) {
      if (!wantsNote && value === current?.value) return old;
      const was = current?.value && current.value !== value ? ` (written for the answer ${current.value})` : '';
      prompter.print(`  Note${was}: ${quote(old)}\n`);
      const choice = await prompter.select<NoteAction>(
        'Keep this note?',
        [
          { name: 'Keep it', value: 'keep' },
          { name: 'Write a new one', value: 'replace' },
          { name: 'Clear it', value: 'clear', disabled: value === 'na' ? '(not applicable needs a justification)' : false },
        ],
        'keep',
      );
      if (choice === 'keep') return old;
      if (choice === 'clear') return undefined;
    } else if (!wantsNote) {
      return undefined;
    }
    if (value === 'na') return (await prompter.input('Why does it not apply here? (required)', { required: true })).trim();
    return (await prompter.input('Note (optional: what is in place, what is missing; Enter on an empty line: no note)')).trim() || undefined;
  }

  /**
   * One optional prompt for evidence (Enter skips). Input that cannot be evidence (a file outside
   * the answers file's folder, a missing one) is refused with its reason and asked again.
   */
  async function askEvidence(entry: CatalogEntry, evidence: EvidenceIO): Promise<void> {
    const on = answers.answers.get(entry.globalId)?.evidence;
    if (on?.length) prompter.print(`  Evidence on file: ${on.map((item) => evidenceLine(item, options.asOf)).join('; ')}\n`);
    for (;;) {
      const text = (await prompter.input('Evidence (optional: a link, or a file path relative to the answers file; Enter skips)')).trim();
      if (!text) return;
      let item: EvidenceItem;
      try {
        item = await evidence.fromInput(text);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        prompter.print(`  ${error.message}\n`);
        continue;
      }
      const answer = answers.answers.get(entry.globalId) ?? {};
      const next = withEvidence(answer, item);
      answers.answers.set(entry.globalId, { ...answer, note: next.note, evidence: next.evidence });
      await evidence.save(entry.globalId, item);
      prompter.print(`  Evidence recorded: ${evidenceLine(item)}${item.sha256 ? ` (sha256 ${shortHash(item.sha256)}…)` : ''}\n`);
      return;
    }
  }

  function header(entry: CatalogEntry, position: number, total: number, answered: number): string {
    const barWidth = 20;
    const filled = total ? Math.round((answered / total) * barWidth) : 0;
    const bar = chalk.green('█'.repeat(filled)) + chalk.dim('░'.repeat(barWidth - filled));
    const severity = entry.question.severity;
    const paint = { critical: chalk.red.bold, high: chalk.red, medium: chalk.yellow, low: chalk.cyan }[severity];
    const title = terminalLine(entry.checklist.title);
    const where = `${position}/${total}`;
    const room = Math.max(10, width - where.length - barWidth - 6);
    const shortTitle = title.length > room ? `${title.slice(0, room - 1)}…` : title;
    // A scoping question is never scored: its severity would only mislead.
    const kind = entry.question.gate ? chalk.bold('SCOPING') : paint(severity.toUpperCase());
    return `${chalk.bold(shortTitle)}  ${chalk.dim(where)}  ${bar}\n${kind} ${chalk.dim(`· level ${entry.question.level} · ${terminalLine(entry.globalId)}`)}`;
  }

  function helpText(entry: CatalogEntry): string {
    const block = (label: string, text: string) =>
      [`  ${chalk.bold(label)}`, ...wrap(stripControl(text).replace(/[\t ]+/g, ' '), width - 6).map((line) => `    ${line}`)].join('\n');
    return [block('Good answer:', entry.question.help), block('Why it matters:', entry.question.why)].join('\n');
  }
}
