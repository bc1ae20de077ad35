/** Renders a baseline comparison (`diff`, `report --baseline`) as text, Markdown or JSON. */
import type { Change, Comparison } from '../scoring/compare.js';
import { CHANGE_LABEL } from '../scoring/compare.js';
import type { ComparisonScope, LeftOut, SharedScope } from '../scoring/comparison-scope.js';
import { escapeMarkdownCell, safeJson, terminalLine } from '../text.js';
import { plural } from '../plural.js';
import { formatScore, oneDecimal, STATUS_LABEL } from './common.js';

const arrow = (c: Change) => `${c.before ? STATUS_LABEL[c.before] : 'not asked'} -> ${STATUS_LABEL[c.after]}`;

/** `new gap (yes -> no)`: what changed, in words and answers. */
export const describeChange = (c: Change) => `${CHANGE_LABEL[c.kind]} (${arrow(c)})`;

/** The change lists, each under its title, in the order every format shows them. */
const SECTIONS = [
  ['Regressed', (c: Comparison) => c.regressed],
  ['Improved', (c: Comparison) => c.improved],
  ['Assessed for the first time', (c: Comparison) => c.firstAssessed],
] as const;

/** `score 50.0 -> 61.3, 4 improved, 1 regressed, 6 assessed for the first time` (no trailing stop). */
function summary(comparison: Comparison, separator: string): string {
  const { regressed, improved, firstAssessed } = comparison;
  return `${formatScore(comparison.scoreBefore)} -> ${formatScore(comparison.scoreAfter)}${separator} ${improved.length} improved, ${regressed.length} regressed, ${firstAssessed.length} assessed for the first time`;
}

/** Why `--fail-on-regression` fails: `--fail-on-regression: 2 regressions since base.yaml`. */
export function regressionReason(comparison: Comparison, baseline: string): string {
  return `--fail-on-regression: ${plural(comparison.regressed.length, 'regression')} since ${baseline}`;
}

/**
 * The one stderr line for a comparison narrower than either assessment, e.g. `note: compared at
 * level 1 (the baseline was assessed at level 1) on the 6 checklists both cover; 34 questions above level 1 left out`.
 */
export function scopeNote(scope: ComparisonScope, out: LeftOut): string {
  const who = scope.lowerLevel === 'baseline' ? 'the baseline was' : 'the current answers were';
  const why = scope.lowerLevel ? ` (${who} assessed at level ${scope.level})` : '';
  const reasons = [
    [out.aboveLevel, `above level ${scope.level}`],
    [out.otherChecklists, 'in other checklists'],
  ] as const;
  const present = reasons.filter(([count]) => count > 0);
  const total = out.aboveLevel + out.otherChecklists;
  const left =
    present.length === 0
      ? 'no applicable question left out'
      : present.length === 1
        ? `${plural(total, 'question')} ${present[0]![1]} left out`
        : `${plural(total, 'question')} left out (${present.map(([count, why]) => `${count} ${why}`).join(', ')})`;
  return `note: compared at level ${scope.level}${why} on the ${plural(scope.checklists.length, 'checklist')} both cover; ${left}`;
}

/** Plain text for a terminal (untrusted text sanitised). */
export function renderComparisonText(comparison: Comparison): string {
  const lines = [`Since the baseline (level ${comparison.level}, ${plural(comparison.checklists.length, 'checklist')}): score ${summary(comparison, ',')}`];
  for (const [title, changes] of SECTIONS) {
    const list = changes(comparison);
    if (!list.length) continue;
    lines.push('', `${title} (${list.length})`);
    for (const c of list) lines.push(`  ${c.result.question.severity.toUpperCase().padEnd(8)} ${terminalLine(c.result.globalId)}: ${describeChange(c)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A Markdown section (heading level 2), escaped. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const out = [
    '## Since the baseline',
    '',
    `Compared at level ${comparison.level} on the ${plural(comparison.checklists.length, 'checklist')} both assessments cover.`,
    `Score ${summary(comparison, ':')}.`,
  ];
  for (const [title, changes] of SECTIONS) {
    const list = changes(comparison);
    out.push('', `### ${title}`, '');
    if (!list.length) {
      out.push('None.');
      continue;
    }
    out.push('| Severity | Question | Change | Answer |', '| --- | --- | --- | --- |');
    for (const c of list) {
      out.push(`| ${c.result.question.severity} | ${escapeMarkdownCell(c.result.question.ask)} (${escapeMarkdownCell(c.result.globalId)}) | ${CHANGE_LABEL[c.kind]} | ${escapeMarkdownCell(arrow(c))} |`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** The two answers files compared, as named on the command line. */
export interface ComparisonContext {
  baseline: string;
  current: string;
}

/** The comparison as JSON, with the files it compares. */
export function renderComparisonJson(comparison: Comparison, files: ComparisonContext): string {
  return safeJson({ baseline: files.baseline, current: files.current, ...comparisonData(comparison) });
}

/** Plain data for JSON output. */
export function comparisonData(comparison: Comparison) {
  const item = (c: Change) => ({
    id: c.result.globalId,
    severity: c.result.question.severity,
    change: c.kind,
    before: c.before ?? null,
    after: c.after,
  });
  return {
    level: comparison.level,
    checklists: comparison.checklists,
    scoreBefore: oneDecimal(comparison.scoreBefore),
    scoreAfter: oneDecimal(comparison.scoreAfter),
    regressed: comparison.regressed.map(item),
    improved: comparison.improved.map(item),
    firstAssessed: comparison.firstAssessed.map(item),
  };
}

/**
 * The one line that says what several assessments are compared on, e.g. `Compared at level 1
 * (the units are at levels 1 and 3) on the 6 checklists every unit covers`.
 */
export function sharedScopeLine(scope: SharedScope, each: string, many: string): string {
  const levels = scope.levels.length ? ` (the ${many} are at levels ${scope.levels.slice(0, -1).join(', ')} and ${scope.levels.at(-1)})` : '';
  const other = scope.otherChecklists ? `; checklists not every ${each} covers are left out` : '';
  return `Compared at level ${scope.level}${levels} on the ${plural(scope.checklists.length, 'checklist')} every ${each} covers${other}`;
}
