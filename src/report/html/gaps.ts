/**
 * Where each open gap of the HTML report is described, by its number in priority order. A report
 * with more than FULL_DETAIL_GAPS open gaps is condensed (condense.ts), so that it stays a few MB and
 * opens in seconds: only the most urgent get a details article (why and fix); each of the others is
 * described by its row in the plan, which then carries the gap's id. Either way every gap has
 * exactly one `gap-N` target, and every link to a gap lands on it.
 */
import type { Assessment, QuestionResult } from '../../scoring/model.js';
import { FULL_DETAIL_GAPS, condensedNoticeText, isCondensed } from '../condense.js';
import { anchor, p, strong, text } from './markup.js';
import type { Html } from './markup.js';

export interface GapIndex {
  /** More open gaps than FULL_DETAIL_GAPS: the roadmap counts, the plan describes, the appendix links. */
  condensed: boolean;
  /** How many gaps have a details article. */
  detailedCount: number;
  /** The gap's number in priority order, from 1; undefined for a result that is not an open gap. */
  number(result: QuestionResult): number | undefined;
  /** The id where the gap is described: its details article, or its plan row when condensed. */
  anchor(result: QuestionResult): string;
  /** Whether the gap has a details article. */
  detailed(result: QuestionResult): boolean;
}

export function gapIndex(assessment: Pick<Assessment, 'openGaps'>): GapIndex {
  const numbers = new Map(assessment.openGaps.map((r, i) => [r, i + 1]));
  const detailedCount = Math.min(assessment.openGaps.length, FULL_DETAIL_GAPS);
  const numberOf = (r: QuestionResult) => {
    const n = numbers.get(r);
    if (n === undefined) throw new Error(`not an open gap: ${r.globalId}`);
    return n;
  };
  return {
    condensed: isCondensed(assessment),
    detailedCount,
    number: (r) => numbers.get(r),
    anchor: (r) => anchor('gap', numberOf(r)),
    detailed: (r) => numberOf(r) <= detailedCount,
  };
}

/** Said in the summary, the plan and the gap details of a condensed report; empty when it is whole. */
export function condensedNotice(assessment: Pick<Assessment, 'openGaps'>): Html {
  return isCondensed(assessment) ? p(`${strong('A large report:')} ${text(condensedNoticeText(assessment))}`) : '';
}
