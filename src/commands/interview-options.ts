/** `breachready interview`'s options, as data: what its declaration adds and the type its implementation takes. */
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import { Option } from 'commander';
import { SHARED, flag, spec, value } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

/** What `--revisit` takes: the one set of questions it asks again today. */
export const REVISIT_CHOICES = ['stale'] as const;

export const OPTIONS = {
  answers: SHARED.answers('the answers file to write and resume', DEFAULT_ANSWERS_FILE),
  level: SHARED.level,
  checklist: SHARED.checklist,
  review: flag('--review', 'walk every question again, with the current answers preselected'),
  revisit: spec<(typeof REVISIT_CHOICES)[number]>(() =>
    new Option('--revisit <what>', 'ask again only what is stale (older than --max-age), has expired evidence, is unverified or unanswered').choices(REVISIT_CHOICES),
  ),
  maxAge: SHARED.maxAge,
  asOf: value('--as-of <date>', 'the day of the sitting, YYYY-MM-DD: answers are dated with it, freshness judged on it (default: today)'),
  output: value('-o, --output <file>', 'at the end, write the Markdown report to this file without asking'),
};
export type InterviewOptions = OptionValues<typeof OPTIONS>;
