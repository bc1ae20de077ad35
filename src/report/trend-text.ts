/** The trend for a terminal: a row per area with a sparkline and its score at each sitting. */
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import { plural } from '../plural.js';
import { REDACTED_NOTICE } from '../redact.js';
import type { QuestionResult } from '../scoring/model.js';
import type { AreaChange, Trend } from '../scoring/trend.js';
import { defuseForTerminal, terminalLine } from '../text.js';
import { formatScore } from './common.js';
import { sharedScopeLine } from './comparison.js';
import { pointLabel } from './trend-json.js';
import type { TrendContext } from './trend-formats.js';

/** How many of the most improved and most regressed areas the human formats show. */
export const MOST = 3;

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One character per score, 0 the lowest block and 100 the highest; `·` for n/a. */
export function sparkline(scores: readonly (number | null)[]): string {
  return scores.map((s) => (s === null ? '·' : BLOCKS[Math.round((Math.max(0, Math.min(100, s)) / 100) * (BLOCKS.length - 1))])).join('');
}

/** `+21.9`, `-3.0`, `0.0`, or `n/a`. */
export function formatChange(first: number | null, last: number | null): string {
  if (first === null || last === null) return 'n/a';
  const change = Math.round((last - first) * 10) / 10;
  return `${change > 0 ? '+' : ''}${change.toFixed(1)}`;
}

/** The trend's title line: organisation, number of sittings and their span. */
export function trendTitle(trend: Trend): string {
  const last = trend.points.at(-1)!;
  const org = last.assessment.organization;
  return `Trend${org ? `: ${org}` : ''} (${plural(trend.points.length, 'sitting')}, ${trend.points[0]!.date} to ${last.date})`;
}

export function renderTrendText(trend: Trend, context: TrendContext): string {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const out: string[] = [chalk.bold(terminalLine(trendTitle(trend))), chalk.dim(sharedScopeLine(trend.scope, 'sitting', 'sittings'))];
  if (trend.points.at(-1)!.assessment.redacted) out.push(chalk.dim(REDACTED_NOTICE));
  out.push('');

  const labels = trend.points.map(pointLabel);
  const names = ['Overall', ...trend.scope.checklists.map((c) => terminalLine(c.id))];
  const nameWidth = Math.max(...names.map((n) => n.length));
  const sparkWidth = Math.max(trend.points.length, 5);
  const cell = Math.max(...labels.map((l) => l.length), 5);
  out.push(`  ${''.padEnd(nameWidth)}  ${'trend'.padEnd(sparkWidth)}  ${labels.map((l) => l.padStart(cell)).join('  ')}  ${'change'.padStart(7)}`);
  const row = (name: string, scores: (number | null)[], bold = false) => {
    const change = formatChange(scores[0]!, scores.at(-1)!);
    const colour = changeColour(chalk, change);
    const line = `  ${name.padEnd(nameWidth)}  ${colour(sparkline(scores).padEnd(sparkWidth))}  ${scores.map((s) => formatScore(s).padStart(cell)).join('  ')}  ${colour(change.padStart(7))}`;
    out.push(bold ? chalk.bold(line) : line);
  };
  row('Overall', trend.points.map((p) => p.assessment.score), true);
  trend.scope.checklists.forEach((c, i) => row(names[i + 1]!, trend.points.map((p) => p.assessment.checklists[i]!.score)));

  const areas = (title: string, list: AreaChange[]) => {
    out.push('', chalk.bold(title));
    if (!list.length) out.push('  none');
    for (const a of list.slice(0, MOST)) out.push(`  ${terminalLine(a.checklist.id).padEnd(nameWidth)}  ${formatChange(a.first, a.last).padStart(6)}  (${formatScore(a.first)} -> ${formatScore(a.last)})`);
  };
  areas('Most improved since the first sitting', trend.improved);
  areas('Most regressed since the first sitting', trend.regressed);

  out.push('', chalk.bold('Between sittings'));
  const gapLine = (what: string, r: QuestionResult) => `    ${what.padEnd(7)} ${r.question.severity.toUpperCase().padEnd(8)} ${terminalLine(r.globalId)}`;
  for (const step of trend.steps) {
    const { scoreBefore, scoreAfter } = step.comparison;
    out.push(`  ${pointLabel(step.from)} -> ${pointLabel(step.to)}: score ${formatScore(scoreBefore)} -> ${formatScore(scoreAfter)}; ${plural(step.closed.length, 'gap')} closed, ${step.opened.length} opened`);
    for (const r of step.closed) out.push(chalk.green(gapLine('closed', r)));
    for (const r of step.opened) out.push(chalk.red(gapLine('opened', r)));
  }
  return defuseForTerminal(`${out.join('\n')}\n`);
}

function changeColour(chalk: ChalkInstance, change: string): ChalkInstance {
  return change.startsWith('+') ? chalk.green : change.startsWith('-') ? chalk.red : chalk.dim;
}
