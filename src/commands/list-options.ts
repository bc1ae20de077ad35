/** `breachready list`'s options, as data: what its declaration adds and the type its implementation takes. */
import { SHARED, flag } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const OPTIONS = {
  json: flag('--json', 'print every checklist with all its fields as JSON'),
  level: SHARED.level,
  checklist: SHARED.checklist,
};
export type ListOptions = OptionValues<typeof OPTIONS>;
