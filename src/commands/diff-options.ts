/** `breachready diff`'s options, as data: what its declaration adds and the type its implementation takes. */
import { SHARED } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const OPTIONS = {
  format: SHARED.comparisonFormat,
  failOnRegression: SHARED.failOnRegression('exit 1 when anything got worse (new gap, lower answer, expired acceptance, new unanswered question)'),
  checklist: SHARED.checklist,
  level: SHARED.level,
  asOf: SHARED.asOf(),
};
export type DiffOptions = OptionValues<typeof OPTIONS>;
