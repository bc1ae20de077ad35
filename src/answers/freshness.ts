/**
 * How fresh an answer is on the as-of date: pure rules, no file access. An answer older than the
 * maximum age is stale; evidence past its `expires` is expired. Neither is a gap by itself: the
 * reports list them for re-confirmation, and CI policies may fail on them. The one owner of these
 * rules, for the reports, the policies and `--revisit stale`.
 */
import { addDays, daysBetween } from '../iso-date.js';
import type { Answer, EvidenceItem } from './model.js';

/** A maximum age as written: a whole number of days, months or years (`90d`, `12m`, `1y`). */
export interface MaxAge {
  amount: number;
  unit: 'd' | 'm' | 'y';
  /** As written, for messages and reports. */
  text: string;
}

const MAX_AGE = /^([1-9]\d{0,3})([dmy])$/;

/** `90d`, `12m` or `1y` read, or undefined when the text is not one. */
export function parseMaxAge(text: string): MaxAge | undefined {
  const match = MAX_AGE.exec(text.trim());
  if (!match) return undefined;
  return { amount: Number(match[1]), unit: match[2] as MaxAge['unit'], text: `${match[1]}${match[2]}` };
}

export const MAX_AGE_HINT = 'a whole number of days, months or years, e.g. 90d, 12m or 1y';

/** The oldest `answered` date still fresh on the as-of date (an answer dated before it is stale). */
export function freshSince(asOf: string, maxAge: MaxAge): string {
  if (maxAge.unit === 'd') return addDays(asOf, -maxAge.amount);
  const months = maxAge.unit === 'y' ? maxAge.amount * 12 : maxAge.amount;
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1 - months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  // The same day of the month, or the month's last day when it has fewer (31 March - 1m = 28/29 February).
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(asOf.slice(8, 10)), lastDay);
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Evidence that no longer counts on the as-of date: its `expires` is before it. */
export function isExpired(item: Pick<EvidenceItem, 'expires'>, asOf: string): boolean {
  return item.expires !== undefined && item.expires < asOf;
}

export interface Freshness {
  /** Days since `answered`, when the answer is dated. */
  ageDays?: number;
  /** Older than the maximum age (an undated answer is never called stale: nothing says when it was given). */
  stale: boolean;
  /** Evidence items past their `expires`. */
  expiredEvidence: EvidenceItem[];
}

/** How fresh one answer is on the as-of date, under an optional maximum age. */
export function freshness(answer: Pick<Answer, 'answered' | 'evidence'>, asOf: string, maxAge?: MaxAge): Freshness {
  const ageDays = answer.answered === undefined ? undefined : daysBetween(answer.answered, asOf);
  const stale = maxAge !== undefined && answer.answered !== undefined && answer.answered < freshSince(asOf, maxAge);
  return { ageDays, stale, expiredEvidence: (answer.evidence ?? []).filter((item) => isExpired(item, asOf)) };
}

/**
 * Whether an answer has evidence that still counts on the as-of date: an item not expired (the
 * shorthand text counts: it says where the evidence is). Whether a file's content still matches
 * its hash is checked where files are read, not here.
 */
export function hasCurrentEvidence(answer: Pick<Answer, 'evidence'>, asOf: string): boolean {
  return (answer.evidence ?? []).some((item) => !isExpired(item, asOf));
}
