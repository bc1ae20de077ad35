/** The terminal report: fits 80 columns, colour per severity when enabled, input text sanitised. */
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import type { Severity } from '../checklist/schema.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { defuseForTerminal, stripControl, terminalLine } from '../text.js';
import { plural } from '../plural.js';
import { REDACTED_NOTICE } from '../redact.js';
import type { EvidenceReview } from '../evidence/review.js';
import { evidenceTextLines } from './text-evidence.js';
import { ownerDueText, plannedGaps } from './evidence-text.js';
import { describeAnswer, formatGrade, formatScore, keptInScopeSentences, severityCounts, wrap } from './common.js';

const WIDTH = 80;

export interface NextStep {
  what: string;
  command: string;
}

export interface TextOptions {
  color: boolean;
  /** The evidence register and what needs re-confirmation (report only). */
  review?: EvidenceReview;
  /** Suggested next commands, shown at the end. */
  next?: NextStep[];
}

/** The "Next" block alone: each suggested command under what it does. */
export function renderNextSteps(next: NextStep[], color: boolean): string {
  return defuseForTerminal(`${nextStepLines(next, new Chalk({ level: color ? 1 : 0 })).join('\n')}\n`);
}

function nextStepLines(next: NextStep[], chalk: ChalkInstance): string[] {
  const lines = [chalk.bold('Next')];
  for (const step of next) lines.push(`  ${terminalLine(step.what)}:`, ...wrap(stripControl(step.command).replace(/[\t ]+/g, ' '), WIDTH - 4).map((line) => `    ${line}`));
  return lines;
}

/** Renders the assessment for a terminal. */
export function renderText(assessment: Assessment, options: TextOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  const safe = (text: string) => terminalLine(text);
  const block = (text: string, indent: string, width = WIDTH - indent.length) =>
    wrap(stripControl(text).replace(/[\t ]+/g, ' '), width).map((line) => indent + line);
  const severityColor = (severity: Severity): ChalkInstance =>
    ({ critical: chalk.red.bold, high: chalk.red, medium: chalk.yellow, low: chalk.cyan })[severity];
  const scoreColor = (score: number | null) => (score === null ? chalk.dim : score >= 80 ? chalk.green : score >= 60 ? chalk.yellow : chalk.red);
  const bar = (score: number | null, width: number) => {
    const filled = score === null ? 0 : Math.round((score / 100) * width);
    return scoreColor(score)('█'.repeat(filled)) + chalk.dim('░'.repeat(width - filled));
  };

  const who = [assessment.organization && safe(assessment.organization), assessment.assessor && `assessed by ${safe(assessment.assessor)}`].filter(Boolean).join(', ');
  out.push(...wrap(`Security readiness${who ? `: ${who}` : ''}`, WIDTH).map((line) => chalk.bold(line)));
  out.push(chalk.dim(`As of ${assessment.asOf}, level ${assessment.level}${assessment.date ? `, answers dated ${safe(assessment.date)}` : ''}`));
  if (assessment.redacted) out.push(chalk.dim(REDACTED_NOTICE));
  out.push('');
  out.push(`  Score ${scoreColor(assessment.score).bold(formatScore(assessment.score).padStart(5))} / 100   Grade ${chalk.bold(formatGrade(assessment))}`);
  out.push(`  ${bar(assessment.score, 50)}`);
  out.push('');

  out.push(chalk.bold('Checklists'));
  const idWidth = Math.min(28, Math.max(...assessment.checklists.map((c) => c.checklist.id.length), 9));
  for (const c of assessment.checklists) {
    const id = safe(c.checklist.id);
    const gaps = (c.openGaps ? plural(c.openGaps, 'open gap') : c.applicable ? 'no open gaps' : 'nothing applies') + (c.applicable > 0 && c.answered === 0 ? ', no answers' : '');
    out.push(`  ${id.padEnd(idWidth)}  ${bar(c.score, 20)} ${formatScore(c.score).padStart(5)}  ${chalk.dim(gaps)}`);
  }
  out.push('');

  const open = assessment.openGaps;
  const planned = plannedGaps(assessment);
  out.push(chalk.bold(open.length ? `Gaps, most urgent first (${open.length} open: ${severityCounts(assessment.openBySeverity)})` : 'No open gaps'));
  open.forEach((gap, index) => out.push(...gapLines(gap, index + 1)));
  if (open.length) out.push('');

  if (assessment.accepted.length) {
    out.push(chalk.bold(`Accepted risks (${assessment.accepted.length}), not failing the policy until they expire`));
    for (const r of assessment.accepted) {
      const a = r.answer!.accepted!;
      out.push(`  ${severityColor(r.question.severity)(r.question.severity.toUpperCase().padEnd(8))} ${safe(r.globalId)}`);
      out.push(...block(`until ${a.until}, accepted by ${a.by}: ${a.reason}`, '           '));
    }
    out.push('');
  }

  if (options.review) out.push(...evidenceTextLines(options.review, { chalk, block }));

  for (const stale of assessment.stale) {
    const n = stale.unanswered.length;
    out.push(chalk.yellow.bold(`${safe(stale.checklist.id)} was updated (${safe(stale.answeredVersion)} -> ${safe(stale.checklist.version)}) since these answers were given`));
    out.push(...block(n ? `${plural(n, 'unanswered question')}, new or not yet answered: ${stale.unanswered.map((r) => r.globalId).join(', ')}` : 'every applicable question is answered', '  '));
    out.push('');
  }

  for (const sentence of keptInScopeSentences(assessment.scope)) out.push(...block(`Kept in scope: ${sentence}`, '', WIDTH).map((l) => chalk.yellow(l)), '');

  const k = assessment.counts;
  const answered = k.applicable - k.unanswered;
  out.push(chalk.bold(`Answered ${answered} of ${k.applicable}`) + chalk.dim(`: ${k.yes} yes, ${k.partial} partly, ${k.no} no, ${k.unknown} don't know, ${k.na} n/a`));
  out.push(chalk.dim(`${k.unanswered} unanswered, ${k.accepted} accepted risks in force, ${k.expired} expired`));
  if (options.next?.length) out.push('', ...nextStepLines(options.next, chalk));
  // A line of input that would start with `::` (a GitHub workflow command) gets a zero-width space.
  return defuseForTerminal(`${out.join('\n')}\n`);

  function gapLines(gap: QuestionResult, n: number): string[] {
    const severity = severityColor(gap.question.severity)(gap.question.severity.toUpperCase().padEnd(8));
    const head = `${String(n).padStart(3)}. ${severity} ${safe(gap.globalId)}`;
    const metaText = `${describeAnswer(gap)} · effort ${gap.question.effort}`;
    const fits = `${String(n).padStart(3)}. ${gap.question.severity.padEnd(8)} ${safe(gap.globalId)}  ${metaText}`.length <= WIDTH;
    const lines = fits ? [`${head}  ${chalk.dim(metaText)}`] : [head, `     ${chalk.dim(metaText)}`];
    lines.push(...block(gap.question.ask, '     '));
    if (gap.answer?.note) lines.push(...block(`Note: ${gap.answer.note}`, '     ').map((l) => chalk.italic(l)));
    const ownerDue = ownerDueText(gap, planned.get(gap));
    if (ownerDue) lines.push(...block(ownerDue[0]!.toUpperCase() + ownerDue.slice(1), '     '));
    lines.push(...block(`Fix: ${gap.question.fix}`, '     ').map((l, i) => (i === 0 ? l.replace('Fix:', chalk.green('Fix:')) : l)));
    return lines;
  }
}
