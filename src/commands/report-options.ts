/** `breachready report`'s options, as data: what its declaration adds and the type its implementation takes. */
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import { Option } from 'commander';
import { SEVERITIES } from '../checklist/vocabulary.js';
import type { Severity } from '../checklist/vocabulary.js';
import { DEFAULT_PAPER, PAPER_SIZES } from '../report/paper.js';
import type { Paper } from '../report/paper.js';
import { SHARED, flag, spec, value } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const OPTIONS = {
  answers: SHARED.answers(`the answers file (- reads standard input; default: ${DEFAULT_ANSWERS_FILE} when it exists)`),
  format: SHARED.format,
  output: SHARED.outputs,
  checklist: SHARED.checklist,
  level: SHARED.level,
  asOf: SHARED.asOf(', for reproducible reports'),
  failOn: SHARED.failOn,
  minScore: SHARED.minScore,
  requireComplete: flag('--require-complete', 'exit 1 when an applicable question is unanswered'),
  maxAge: SHARED.maxAge,
  failOnStale: flag('--fail-on-stale', 'exit 1 when an answer at or above --fail-on is stale or its evidence expired'),
  requireEvidence: spec<Severity>(() =>
    new Option('--require-evidence <severity>', 'exit 1 when a yes or partial at or above this severity has no current evidence').choices(SEVERITIES),
  ),
  paper: spec<Paper>(() => new Option('--paper <size>', `the page size of a PDF (-o report.pdf; default ${DEFAULT_PAPER})`).choices(PAPER_SIZES)),
  baseline: value('--baseline <file>', 'an earlier answers file: report what improved and what regressed since'),
  failOnRegression: SHARED.failOnRegression('with --baseline: exit 1 only when something got worse (a ratchet)'),
  redact: SHARED.redact,
  keepNames: SHARED.keepNames,
};
export type ReportOptions = OptionValues<typeof OPTIONS>;
