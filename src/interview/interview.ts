/**
 * The interview: walks the applicable questions through an injected Prompter, and hands every
 * answer to `save` at once, so an interrupted sitting never loses what was answered.
 */
import { Chalk } from 'chalk';
import type { Answer, Answers } from '../answers/model.js';
import type { Catalog, CatalogEntry } from '../catalog.js';
import type { AnswerValue, Level } from '../checklist/schema.js';
import { wrap } from '../report/common.js';
import { whenEvaluator } from '../scoring/score.js';
import { stripControl, terminalLine } from '../text.js';
import type { Choice, Prompter } from './prompter.js';

type Action = AnswerValue | 'skip' | 'back' | 'help';

export interface InterviewOptions {
  level: Level;
  /** Walk every applicable question with the current answers preselected. */
  review: boolean;
  color: boolean;
  width?: number;
}

export interface InterviewIO {
  prompter: Prompter;
  /** Persists one answer (the answers file is written before the next question is asked). */
  save(globalId: string, answer: Answer): void | Promise<void>;
}

export interface InterviewOutcome {
  asked: number;
  skipped: number;
}

const ANSWER_CHOICES: Choice<Action>[] = [
  { name: 'Yes', value: 'yes' },
  { name: 'Partly', value: 'partial' },
  { name: 'No', value: 'no' },
  { name: "Don't know", value: 'unknown' },
  { name: 'Not applicable', value: 'na', description: 'needs a short justification' },
];

/** Questions that apply at this level given the answers so far, in checklist order. */
export function applicableQuestions(catalog: Catalog, answers: Answers, level: Level): CatalogEntry[] {
  const applies = whenEvaluator(catalog, answers);
  return catalog.entries.filter((e) => e.question.level <= level && applies(e));
}

/** Runs the question loop until every applicable question is answered, skipped or reviewed. */
export async function runInterview(catalog: Catalog, answers: Answers, options: InterviewOptions, io: InterviewIO): Promise<InterviewOutcome> {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.min(options.width ?? 80, 100);
  const { prompter } = io;
  const skipped = new Set<string>();
  const visited = new Set<string>();
  const history: string[] = [];
  let asked = 0;
  let forced: string | undefined;

  for (;;) {
    const sequence = applicableQuestions(catalog, answers, options.level);
    const entry = forced
      ? sequence.find((e) => e.globalId === forced)
      : sequence.find((e) =>
          options.review ? !visited.has(e.globalId) : answers.answers.get(e.globalId)?.value === undefined && !skipped.has(e.globalId),
        );
    forced = undefined;
    if (!entry) break;

    const position = sequence.indexOf(entry) + 1;
    const answered = sequence.filter((e) => answers.answers.get(e.globalId)?.value !== undefined).length;
    prompter.print(`\n${header(entry, position, sequence.length, answered)}\n`);

    const current = answers.answers.get(entry.globalId);
    let action: Action;
    for (;;) {
      const choices: Choice<Action>[] = [
        ...ANSWER_CHOICES,
        { name: '', value: 'skip', separator: true },
        { name: 'Help: what a good answer looks like, and why it matters', value: 'help' },
        { name: 'Skip for now', value: 'skip' },
        { name: 'Back to the previous question', value: 'back', disabled: history.length === 0 && position === 1 ? '(this is the first one)' : false },
      ];
      action = await prompter.select<Action>(wrap(terminalLine(entry.question.ask), width - 4).join('\n  '), choices, current?.value);
      if (action !== 'help') break;
      prompter.print(`${helpText(entry)}\n`);
    }

    if (action === 'back') {
      // Within this sitting, go back the way we came; at its start, to the question before in order.
      forced = history.pop() ?? sequence[position - 2]?.globalId;
      if (forced) visited.delete(forced);
      continue;
    }
    visited.add(entry.globalId);
    history.push(entry.globalId);
    if (action === 'skip') {
      skipped.add(entry.globalId);
      continue;
    }

    let note = current?.note;
    if (action === 'na') {
      note = (await prompter.input('Why does it not apply here? (required)', { default: current?.note, required: true })).trim();
    } else if (!entry.question.gate && (action === 'partial' || action === 'no' || action === 'unknown')) {
      note = (await prompter.input('Note (optional: what is in place, what is missing; Enter to skip)', { default: current?.note })).trim() || undefined;
    }
    const answer: Answer = { ...current, value: action, note: note || undefined };
    if (action === 'yes' && current?.value !== 'yes') answer.note = current?.note;
    answers.answers.set(entry.globalId, answer);
    await io.save(entry.globalId, answer);
    asked++;
  }
  return { asked, skipped: skipped.size };

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
    return `${chalk.bold(shortTitle)}  ${chalk.dim(where)}  ${bar}\n${paint(severity.toUpperCase())} ${chalk.dim(`· level ${entry.question.level} · ${terminalLine(entry.globalId)}`)}`;
  }

  function helpText(entry: CatalogEntry): string {
    const block = (label: string, text: string) =>
      [`  ${chalk.bold(label)}`, ...wrap(stripControl(text).replace(/[\t ]+/g, ' '), width - 6).map((line) => `    ${line}`)].join('\n');
    return [block('Good answer:', entry.question.help), block('Why it matters:', entry.question.why)].join('\n');
  }
}
