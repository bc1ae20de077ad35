/** `breachready evidence add|list`'s options, as data: what the declarations add and the types the implementation takes. */
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import { SHARED, formatOf, value } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

/** The formats `evidence list` prints in. */
export const LIST_FORMATS = ['text', 'json'] as const;

export const ADD_OPTIONS = {
  answers: SHARED.answers('the answers file to record the evidence in', DEFAULT_ANSWERS_FILE),
  expires: value('--expires <date>', 'the evidence stops counting after this date, YYYY-MM-DD'),
  asOf: value('--as-of <date>', 'the date a file is collected on, YYYY-MM-DD (default: today)'),
  checklist: SHARED.checklist,
};
export type EvidenceAddOptions = OptionValues<typeof ADD_OPTIONS>;

export const LIST_OPTIONS = {
  answers: SHARED.answers('the answers file whose evidence to list (- reads standard input)', DEFAULT_ANSWERS_FILE),
  format: formatOf(LIST_FORMATS),
  asOf: value('--as-of <date>', 'judge expiry as of this date, YYYY-MM-DD (default: today)'),
  checklist: SHARED.checklist,
};
export type EvidenceListOptions = OptionValues<typeof LIST_OPTIONS>;
