/** `breachready template`'s options, as data: what its declaration adds and the type its implementation takes. */
import { SHARED, flag, value } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const OPTIONS = {
  level: SHARED.level,
  checklist: SHARED.checklist,
  output: value('-o, --output <file>', 'write to this file instead of stdout (never overwrites without --force)'),
  force: flag('--force', 'replace an existing output file'),
};
export type TemplateOptions = OptionValues<typeof OPTIONS>;
