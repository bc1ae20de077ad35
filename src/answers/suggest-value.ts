/** "Did you mean" for answer values: a file must say `partial`, a person may write what the screen shows ("Partly"). */
import { ANSWER_LABELS, ANSWER_VALUES } from '../checklist/vocabulary.js';
import type { AnswerValue } from '../checklist/vocabulary.js';
import { closest } from '../suggest.js';

/** Lower case, letters and digits only: `N/A` -> `na`, `Don't know` -> `dontknow`. */
const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

const SPELLINGS = new Map<string, AnswerValue>(
  ANSWER_VALUES.flatMap((value) => [
    [squash(value), value],
    [squash(ANSWER_LABELS[value]), value],
  ]),
);

/** The answer value `input` most likely meant, if any. */
export function suggestAnswerValue(input: string): AnswerValue | undefined {
  const word = squash(input);
  if (word === '') return undefined;
  const exact = SPELLINGS.get(word);
  if (exact) return exact;
  const near = closest(word, SPELLINGS.keys());
  return near === undefined ? undefined : SPELLINGS.get(near);
}
