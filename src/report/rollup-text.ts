/** The roll-up for a terminal: the group score, a heat map of units by checklist, and what needs attention. */
import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import { plural } from '../plural.js';
import { REDACTED_NOTICE } from '../redact.js';
import type { Rollup } from '../scoring/rollup.js';
import { defuseForTerminal, terminalLine } from '../text.js';
import { formatScore } from './common.js';
import { sharedScopeLine } from './comparison.js';
import { apartReasons } from './rollup-json.js';
import type { RollupContext } from './rollup-formats.js';

/** How many common gaps the human formats list (JSON has them all). */
export const COMMON_GAPS_SHOWN = 25;

/** `Roll-up of 3 units, as of 2026-11-22`. */
export function rollupTitle(rollup: Rollup): string {
  return `Roll-up of ${plural(rollup.units.length, 'unit')}, as of ${rollup.asOf}`;
}

/** How the group score weighs the units, in a few words. */
export function weighting(rollup: Rollup): string {
  return rollup.weighted ? "each unit weighted by its file's weight: field, 1 when it has none" : 'each unit weighted equally';
}

/** A heat-map cell: the score rounded to a whole number, `-` for n/a. */
export const heatCell = (score: number | null) => (score === null ? '-' : String(Math.round(score)));

export function renderRollupText(rollup: Rollup, context: RollupContext): string {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const heat = (score: number | null): ChalkInstance => (score === null ? chalk.dim : score >= 80 ? chalk.green : score >= 60 ? chalk.yellow : chalk.red);
  const out: string[] = [chalk.bold(rollupTitle(rollup)), chalk.dim(sharedScopeLine(rollup.scope, 'unit', 'units'))];
  if (rollup.units.some((u) => u.assessment.redacted)) out.push(chalk.dim(REDACTED_NOTICE));
  out.push('', `  Group score ${heat(rollup.score).bold(formatScore(rollup.score))} / 100 (${weighting(rollup)})`, '');

  out.push(chalk.bold('Heat map'), chalk.dim('  scores by unit; columns are the checklists numbered below'));
  const names = rollup.units.map((u) => terminalLine(u.name));
  const nameWidth = Math.max(5, ...names.map((n) => n.length));
  const columns = rollup.checklists.map((_, i) => String(i + 1).padStart(3)).join(' ');
  out.push(`  ${''.padEnd(nameWidth)}  ${'all'.padStart(5)}  ${columns}`);
  const row = (name: string, overall: number | null, scores: (number | null)[]) =>
    `  ${name.padEnd(nameWidth)}  ${heat(overall)(formatScore(overall).padStart(5))}  ${scores.map((s) => heat(s)(heatCell(s).padStart(3))).join(' ')}`;
  rollup.units.forEach((u, i) => out.push(row(names[i]!, u.assessment.score, u.assessment.checklists.map((c) => c.score))));
  out.push(chalk.bold(row('Group', rollup.score, rollup.checklists.map((c) => c.score))));
  out.push('');
  rollup.checklists.forEach((c, i) => out.push(chalk.dim(`  ${String(i + 1).padStart(3)}  ${terminalLine(c.checklist.id)}`)));

  out.push('', chalk.bold('Weakest unit per checklist'));
  const idWidth = Math.max(...rollup.checklists.map((c) => terminalLine(c.checklist.id).length));
  for (const c of rollup.checklists) {
    const weakest = c.weakest;
    const score = weakest?.assessment.checklists[rollup.checklists.indexOf(c)]!.score ?? null;
    out.push(`  ${terminalLine(c.checklist.id).padEnd(idWidth)}  ${weakest ? `${terminalLine(weakest.name)} (${formatScore(score)})` : 'n/a'}`);
  }

  out.push('', chalk.bold(`Common gaps (open in at least half of the ${plural(rollup.units.length, 'unit')})`));
  if (!rollup.commonGaps.length) out.push('  none');
  const total = rollup.units.length;
  for (const g of rollup.commonGaps.slice(0, COMMON_GAPS_SHOWN)) {
    out.push(`  ${`${g.units.length}/${total}`.padStart(2 * String(total).length + 1)}  ${g.result.question.severity.toUpperCase().padEnd(8)} ${terminalLine(g.result.globalId)}`);
  }
  if (rollup.commonGaps.length > COMMON_GAPS_SHOWN) out.push(chalk.dim(`  and ${rollup.commonGaps.length - COMMON_GAPS_SHOWN} more (-f json lists them all)`));

  out.push('', chalk.bold('Incomplete or stale units'));
  if (!rollup.apart.length) out.push('  none');
  for (const u of rollup.apart) out.push(`  ${terminalLine(u.name)}: ${apartReasons(u).join(', ')}`);
  return defuseForTerminal(`${out.join('\n')}\n`);
}
