/** Renders a baseline comparison (`diff`, `report --baseline`) as text, Markdown or JSON. */
import type { Change, Comparison } from '../scoring/compare.js';
import { CHANGE_LABEL } from '../scoring/compare.js';
import { escapeMarkdownCell, terminalLine } from '../text.js';
import { plural } from '../plural.js';
import { formatScore, oneDecimal, STATUS_LABEL } from './common.js';

const arrow = (c: Change) => `${c.before ? STATUS_LABEL[c.before] : 'not asked'} -> ${STATUS_LABEL[c.after]}`;

/** Why `--fail-on-regression` fails: `--fail-on-regression: 2 regressions since base.yaml`. */
export function regressionReason(comparison: Comparison, baseline: string): string {
  return `--fail-on-regression: ${plural(comparison.regressed.length, 'regression')} since ${baseline}`;
}

/** Plain text for a terminal (untrusted text sanitised). */
export function renderComparisonText(comparison: Comparison): string {
  const lines = [`Since the baseline: score ${formatScore(comparison.scoreBefore)} -> ${formatScore(comparison.scoreAfter)}, ${comparison.improved.length} improved, ${comparison.regressed.length} regressed`];
  const section = (title: string, changes: Change[]) => {
    if (!changes.length) return;
    lines.push('', `${title} (${changes.length})`);
    for (const c of changes) lines.push(`  ${c.result.question.severity.toUpperCase().padEnd(8)} ${terminalLine(c.result.globalId)}: ${CHANGE_LABEL[c.kind]} (${arrow(c)})`);
  };
  section('Regressed', comparison.regressed);
  section('Improved', comparison.improved);
  return `${lines.join('\n')}\n`;
}

/** A Markdown section (heading level 2), escaped. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const out = [
    '## Since the baseline',
    '',
    `Score ${formatScore(comparison.scoreBefore)} -> ${formatScore(comparison.scoreAfter)}: ${comparison.improved.length} improved, ${comparison.regressed.length} regressed.`,
  ];
  const table = (title: string, changes: Change[]) => {
    out.push('', `### ${title}`, '');
    if (!changes.length) {
      out.push('None.');
      return;
    }
    out.push('| Severity | Question | Change | Answer |', '| --- | --- | --- | --- |');
    for (const c of changes) {
      out.push(`| ${c.result.question.severity} | ${escapeMarkdownCell(c.result.question.ask)} (${escapeMarkdownCell(c.result.globalId)}) | ${CHANGE_LABEL[c.kind]} | ${escapeMarkdownCell(arrow(c))} |`);
    }
  };
  table('Regressed', comparison.regressed);
  table('Improved', comparison.improved);
  return `${out.join('\n')}\n`;
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
    scoreBefore: oneDecimal(comparison.scoreBefore),
    scoreAfter: oneDecimal(comparison.scoreAfter),
    regressed: comparison.regressed.map(item),
    improved: comparison.improved.map(item),
  };
}
