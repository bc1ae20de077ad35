/**
 * GitHub Actions annotations: one workflow command (`::error file=F,line=L,title=T::message`) per
 * open gap at or above the policy's severity, most severe first (GitHub shows only the first 10 of
 * each level per step).
 *
 * Every piece of untrusted text is stripped of control characters and escaped the way
 * @actions/core escapes it, so nothing in a note can end the line and start another command.
 */
import { answersFileName } from '../answers/stdin.js';
import type { Severity } from '../checklist/schema.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { severitiesAtOrAbove } from '../policy.js';
import type { FailOn } from '../policy.js';
import { stripForMachines } from '../text.js';
import { answerSentence } from './common.js';
import { describeChange } from './comparison.js';
import type { Change, Comparison } from '../scoring/compare.js';

type AnnotationCommand = 'error' | 'warning' | 'notice';

const ANNOTATION_COMMAND: Record<Severity, AnnotationCommand> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
};

export interface AnnotationOptions {
  /** The answers file, as the workflow sees it (relative to the repository root); `-` or none: no file. */
  answersPath?: string;
  /** Line of the `answers:` key: where annotations for unanswered questions point. */
  answersLine?: number;
  /** The least severity annotated (`none` or absent: nothing is). */
  failOn?: FailOn;
  /** With `--baseline`: what changed since. */
  comparison?: Pick<Comparison, 'regressed'>;
  /** `--fail-on-regression`: the open gaps that regressed are annotated too, whatever their severity. */
  failOnRegression?: boolean;
}

/** What may go into a workflow command at all. */
const clean = stripForMachines;

/** Escapes a workflow command's message: `%`, `\r`, `\n` (after removing control characters). */
export function escapeWorkflowData(text: string): string {
  return clean(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as data, plus `:` and `,`. */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}


/** One line, no trailing spaces: whitespace runs folded. */
function oneLine(text: string): string {
  return clean(text).replace(/\s+/g, ' ').trim();
}

function annotation(gap: QuestionResult, options: AnnotationOptions, regression: Change | undefined): string {
  const severity = gap.question.severity;
  const properties: string[] = [];
  const file = answersFileName(options.answersPath);
  if (file !== undefined) {
    properties.push(`file=${escapeWorkflowProperty(file)}`);
    const line = gap.answer?.line ?? options.answersLine;
    if (line !== undefined && line >= 1) properties.push(`line=${line}`);
  }
  properties.push(`title=${escapeWorkflowProperty(`${severity}: ${oneLine(gap.globalId)}`)}`);

  const lines = [oneLine(gap.question.ask)];
  const answer = answerSentence(gap);
  const note = gap.answer?.note ? oneLine(gap.answer.note) : '';
  lines.push(note ? `${answer} Note: ${note}` : answer);
  const acceptance = gap.answer?.accepted;
  if (gap.expired && acceptance) lines.push(`Risk acceptance by ${oneLine(acceptance.by)} expired on ${acceptance.until}.`);
  if (regression) lines.push(`Regressed since the baseline: ${describeChange(regression)}.`);
  lines.push(`Fix: ${oneLine(gap.question.fix)}`);

  return `::${ANNOTATION_COMMAND[severity]} ${properties.join(',')}::${escapeWorkflowData(lines.join('\n'))}`;
}

/**
 * Renders the annotations, one command a line with a trailing newline; an empty string when no
 * open gap fails the policy. Open gaps are already in priority order, most severe first.
 */
export function renderAnnotations(assessment: Assessment, options: AnnotationOptions): string {
  // The gaps that fail the policy, chosen as the policy chooses them.
  const blocking = new Set(severitiesAtOrAbove(options.failOn ?? 'none'));
  const regressed = new Map(options.failOnRegression ? (options.comparison?.regressed ?? []).map((c) => [c.result.globalId, c]) : []);
  const lines = assessment.openGaps
    .filter((gap) => blocking.has(gap.question.severity) || regressed.has(gap.globalId))
    .map((gap) => annotation(gap, options, regressed.get(gap.globalId)));
  return lines.map((line) => `${line}\n`).join('');
}
