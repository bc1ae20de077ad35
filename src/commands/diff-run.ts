/** `breachready diff OLD NEW`: what improved, regressed or was assessed for the first time between two answers files. */
import { asOfDate } from '../clock.js';
import { CliError, EXIT } from '../errors.js';
import { regressionReason } from '../report/comparison.js';
import { renderComparison } from '../report/formats.js';
import { assess, compareWithBaseline } from '../assessment.js';
import { write } from '../std-streams.js';
import type { DiffOptions } from './diff-options.js';

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions): Promise<void> {
  const current = await assess({ answers: newFile, checklist: options.checklist, level: options.level, asOf: asOfDate(options.asOf) });
  const { comparison, note } = await compareWithBaseline(oldFile, current, options);
  if (note) write('stderr', `${note}\n`);
  write('stdout', await renderComparison(options.format ?? 'text', comparison, { baseline: oldFile, current: newFile }));
  if (options.failOnRegression && comparison.regressed.length) {
    throw new CliError(regressionReason(comparison, oldFile), EXIT.policy);
  }
}
