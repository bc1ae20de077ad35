/** `breachready diff OLD NEW`: what improved, regressed or was assessed for the first time between two answers files. */
import { safeJson } from '../text.js';
import { asOfDate } from '../clock.js';
import { CliError, EXIT } from '../errors.js';
import { comparisonData, regressionReason, renderComparisonMarkdown, renderComparisonText } from '../report/comparison.js';
import { assess, compareWithBaseline } from './assess.js';
import { write } from '../std-streams.js';

interface DiffOptions {
  format?: 'text' | 'markdown' | 'json';
  failOnRegression?: boolean;
  checklist?: string[];
  level?: string;
  asOf?: string;
}

export async function runDiff(oldFile: string, newFile: string, options: DiffOptions): Promise<void> {
  const current = await assess({ answers: newFile, checklist: options.checklist, level: options.level, asOf: asOfDate(options.asOf) });
  const { comparison, note } = await compareWithBaseline(oldFile, current, options);
  if (note) write('stderr', `${note}\n`);
  const format = options.format ?? 'text';
  write('stdout', 
    format === 'json'
      ? safeJson({ baseline: oldFile, current: newFile, ...comparisonData(comparison) })
      : format === 'markdown'
        ? renderComparisonMarkdown(comparison)
        : renderComparisonText(comparison),
  );
  if (options.failOnRegression && comparison.regressed.length) {
    throw new CliError(regressionReason(comparison, oldFile), EXIT.policy);
  }
}
