/**
 * The pull-request summary (`--format summary`, `-o FILE.summary.md`): Markdown short enough for a
 * job summary or a review comment. With `--baseline`: score and grade before and after, and the
 * questions whose answers changed; always: the gaps that fail `--fail-on` (or the top open gaps).
 * Every list stops after a few rows with an "and N more" line.
 */
import type { Change, Comparison } from '../scoring/compare.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { severitiesAtOrAbove } from '../policy.js';
import type { FailOn } from '../policy.js';
import { plural } from '../plural.js';
import { escapeMarkdownCell } from '../text.js';
import { formatGrade, formatScore, severityCounts, STATUS_LABEL } from './common.js';
import { describeChange } from './comparison.js';

/** Rows per list before "and N more": a summary is read in a pull request, not searched. */
export const SUMMARY_ROWS = 10;

export interface SummaryOptions {
  comparison?: Comparison;
  failOn?: FailOn;
}

/** The whole summary: a heading, the figures, the changes (with a baseline), then the gaps. */
export function renderSummary(assessment: Assessment, { comparison, failOn = 'none' }: SummaryOptions): string {
  const out = ['## Security readiness', ''];
  if (comparison) out.push(...changes(comparison));
  else out.push(`Score **${formatScore(assessment.score)}**, grade **${formatGrade(assessment)}** (level ${assessment.level}, as of ${assessment.asOf}).`);
  out.push('', `Open gaps: ${severityCounts(assessment.openBySeverity)}; ${plural(assessment.unanswered.length, 'question')} unanswered.`);
  out.push(...gaps(assessment, failOn));
  return `${out.join('\n')}\n`;
}

/** Score and grade before and after, and the changed answers by kind. */
function changes(comparison: Comparison): string[] {
  const grade = (g: string | null) => g ?? 'n/a';
  const out = [
    '| | Baseline | Now |',
    '| --- | --- | --- |',
    `| Score | ${formatScore(comparison.scoreBefore)} | **${formatScore(comparison.scoreAfter)}** |`,
    `| Grade | ${grade(comparison.gradeBefore)} | **${grade(comparison.gradeAfter)}** |`,
    '',
    `Compared at level ${comparison.level} on ${plural(comparison.checklists.length, 'checklist')}: ${comparison.regressed.length} regressed, ${comparison.improved.length} improved, ${comparison.firstAssessed.length} newly answered.`,
  ];
  const sections = [
    ['Regressed', comparison.regressed],
    ['Improved', comparison.improved],
    ['Newly answered', comparison.firstAssessed],
  ] as const;
  for (const [title, list] of sections) {
    if (!list.length) continue;
    out.push('', `### ${title} (${list.length})`, '', '| Severity | Question | Change |', '| --- | --- | --- |');
    out.push(...capped(list, changeRow));
  }
  return out;
}

function changeRow(change: Change): string {
  return `| ${change.result.question.severity} | ${question(change.result)} | ${escapeMarkdownCell(describeChange(change))} |`;
}

/** The open gaps that fail `--fail-on`; without a policy, the most pressing open gaps. */
function gaps(assessment: Assessment, failOn: FailOn): string[] {
  const blocking = new Set(severitiesAtOrAbove(failOn));
  const [title, list] =
    failOn === 'none'
      ? (['Top open gaps', assessment.openGaps] as const)
      : ([`Failing gaps (--fail-on ${failOn})`, assessment.openGaps.filter((gap) => blocking.has(gap.question.severity))] as const);
  const out = ['', `### ${title} (${list.length})`, ''];
  if (!list.length) return [...out, 'None.'];
  return [...out, '| Severity | Question | Answer |', '| --- | --- | --- |', ...capped(list, gapRow)];
}

function gapRow(gap: QuestionResult): string {
  const answer = gap.expired ? `${STATUS_LABEL[gap.status]}, risk acceptance expired` : STATUS_LABEL[gap.status];
  return `| ${gap.question.severity} | ${question(gap)} | ${answer} |`;
}

/** The question's id and text, escaped for a table cell. */
function question(result: QuestionResult): string {
  return `${escapeMarkdownCell(result.globalId)}: ${escapeMarkdownCell(result.question.ask)}`;
}

/** The first rows, and one line saying how many were left out. */
function capped<T>(list: readonly T[], row: (item: T) => string): string[] {
  const shown = list.slice(0, SUMMARY_ROWS).map(row);
  return list.length > SUMMARY_ROWS ? [...shown, '', `…and ${list.length - SUMMARY_ROWS} more.`] : shown;
}
