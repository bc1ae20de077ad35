/** `breachready rollup`'s options, as data: what its declaration adds and the type its implementation takes. */
import { SHARED, outputsOf, stdoutFormatOf } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';
import { ROLLUP_FORMAT_NAMES } from '../report/rollup-formats.js';
import type { RollupFormatName } from '../report/rollup-formats.js';

export const OPTIONS = {
  format: stdoutFormatOf<RollupFormatName>(ROLLUP_FORMAT_NAMES),
  output: outputsOf(ROLLUP_FORMAT_NAMES),
  checklist: SHARED.checklist,
  level: SHARED.level,
  asOf: SHARED.asOf(', for reproducible reports'),
  failOn: SHARED.failOn,
  minScore: SHARED.minScore,
  minUnitScore: SHARED.minUnitScore,
  redact: SHARED.redact,
  keepNames: SHARED.keepNames,
};
export type RollupOptions = OptionValues<typeof OPTIONS>;
