/** `breachready trend`'s options, as data: what its declaration adds and the type its implementation takes. */
import { SHARED, flag, outputsOf, stdoutFormatOf } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';
import { TREND_FORMAT_NAMES } from '../report/trend-formats.js';
import type { TrendFormatName } from '../report/trend-formats.js';

export const OPTIONS = {
  format: stdoutFormatOf<TrendFormatName>(TREND_FORMAT_NAMES),
  output: outputsOf(TREND_FORMAT_NAMES),
  git: flag('--git', "one answers file's history: every commit that changed it, read with git"),
  checklist: SHARED.checklist,
  level: SHARED.level,
  redact: SHARED.redact,
  keepNames: SHARED.keepNames,
};
export type TrendOptions = OptionValues<typeof OPTIONS>;
