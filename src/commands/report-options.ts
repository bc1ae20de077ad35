/** `breachready report`'s options, as data: what its declaration adds and the type its implementation takes. */
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import { SHARED, flag, value } from '../cli/options.js';
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
  baseline: value('--baseline <file>', 'an earlier answers file: report what improved and what regressed since'),
  failOnRegression: SHARED.failOnRegression('with --baseline: exit 1 only when something got worse (a ratchet)'),
  redact: SHARED.redact,
  keepNames: SHARED.keepNames,
};
export type ReportOptions = OptionValues<typeof OPTIONS>;
