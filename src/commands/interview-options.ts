/** `breachready interview`'s options, as data: what its declaration adds and the type its implementation takes. */
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import { SHARED, flag, value } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const OPTIONS = {
  answers: SHARED.answers('the answers file to write and resume', DEFAULT_ANSWERS_FILE),
  level: SHARED.level,
  checklist: SHARED.checklist,
  review: flag('--review', 'walk every question again, with the current answers preselected'),
  output: value('-o, --output <file>', 'at the end, write the Markdown report to this file without asking'),
};
export type InterviewOptions = OptionValues<typeof OPTIONS>;
