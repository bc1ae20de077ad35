/**
 * `--revisit stale`: which questions a re-assessment asks, why, and what it shows of the old
 * answer first. Pure rules over the answers and the as-of date; the freshness rules themselves
 * are freshness.ts's.
 */
import { freshness, hasCurrentEvidence, isExpired } from '../answers/freshness.js';
import type { MaxAge } from '../answers/freshness.js';
import { itemText } from '../answers/model.js';
import type { Answer, EvidenceItem } from '../answers/model.js';
import type { CatalogEntry } from '../catalog.js';
import type { AnswerValue, Question } from '../checklist/schema.js';
import { plural } from '../plural.js';
import { severitiesAtOrAbove } from '../policy.js';
import { quote, terminalLine } from '../text.js';

/** The lowest severity whose yes or partial the interview asks evidence for, and counts unverified without it. */
const EVIDENCE_FROM = 'high';

/** A yes or partial to a high or critical question (not a scoping one): it should show its evidence. */
export function expectsEvidence(question: Question, value: AnswerValue | undefined): boolean {
  return !question.gate && (value === 'yes' || value === 'partial') && severitiesAtOrAbove(EVIDENCE_FROM).includes(question.severity);
}

export type RevisitReason = 'stale' | 'expired evidence' | 'unverified' | 'unanswered';
const REASONS: readonly RevisitReason[] = ['stale', 'expired evidence', 'unverified', 'unanswered'];

export interface RevisitPlan {
  asOf: string;
  maxAge?: MaxAge;
  /** Question id -> why it is asked again, for every question the revisit asks. */
  due: ReadonlyMap<string, readonly RevisitReason[]>;
}

/** Why one question is due again, if it is. */
export function revisitReasons(entry: CatalogEntry, answer: Answer | undefined, asOf: string, maxAge?: MaxAge): RevisitReason[] {
  if (answer?.value === undefined) return ['unanswered'];
  const fresh = freshness(answer, asOf, maxAge);
  const reasons: RevisitReason[] = [];
  if (fresh.stale) reasons.push('stale');
  if (fresh.expiredEvidence.length) reasons.push('expired evidence');
  if (expectsEvidence(entry.question, answer.value) && !hasCurrentEvidence(answer, asOf)) reasons.push('unverified');
  return reasons;
}

/** The questions of `sequence` (the applicable ones) a revisit asks. */
export function revisitPlan(sequence: readonly CatalogEntry[], answers: ReadonlyMap<string, Answer>, asOf: string, maxAge?: MaxAge): RevisitPlan {
  const due = new Map<string, RevisitReason[]>();
  for (const entry of sequence) {
    const reasons = revisitReasons(entry, answers.get(entry.globalId), asOf, maxAge);
    if (reasons.length) due.set(entry.globalId, reasons);
  }
  return { asOf, maxAge, due };
}

/** One line saying how many questions the revisit asks and why (a question may have several reasons). */
export function revisitSummary(plan: RevisitPlan, applicable: number): string {
  const count = (reason: RevisitReason) => [...plan.due.values()].filter((reasons) => reasons.includes(reason)).length;
  const label: Record<RevisitReason, string> = {
    stale: `stale (answered more than ${plan.maxAge?.text} before ${plan.asOf})`,
    'expired evidence': 'with expired evidence',
    unverified: `unverified (yes or partial at ${EVIDENCE_FROM} or critical, no current evidence)`,
    unanswered: 'unanswered',
  };
  const parts = REASONS.filter((reason) => count(reason) > 0).map((reason) => `${count(reason)} ${label[reason]}`);
  // Without a maximum age nothing can be stale: say so rather than let "0 stale" reassure.
  const noAge = plan.maxAge ? '' : '; no answer counts as stale: neither --max-age nor the file\'s max-age: sets a maximum age';
  if (!plan.due.size) return `Nothing to revisit among ${plural(applicable, 'applicable question')}${noAge}.`;
  return `Revisiting ${plan.due.size} of ${plural(applicable, 'applicable question')}: ${parts.join(', ')}${noAge}.`;
}

/** What the person sees of the old answer before a question asked again: why, the answer, its note and evidence. */
export function describeOldAnswer(reasons: readonly RevisitReason[], answer: Answer | undefined, plan: Pick<RevisitPlan, 'asOf'>): string[] {
  const lines = [`Asked again: ${reasons.join(', ')}.`];
  if (answer?.value === undefined) return lines;
  const age = answer.answered === undefined ? 'undated' : `answered ${answer.answered}, ${plural(freshness(answer, plan.asOf).ageDays ?? 0, 'day')} ago`;
  lines.push(`Last answer: ${answer.value} (${age}${answer.by ? ` by ${terminalLine(answer.by)}` : ''})`);
  if (answer.note) lines.push(`Note: ${quote(answer.note)}`);
  if (answer.evidence?.length) lines.push(`Evidence: ${answer.evidence.map((item) => evidenceLine(item, plan.asOf)).join('; ')}`);
  return lines;
}

/** One item as the interview shows it: what and where, with its dates (expired or not on `asOf`, when given). */
export function evidenceLine(item: EvidenceItem, asOf?: string): string {
  const what = terminalLine(itemText(item));
  const dates = [
    ...(item.collected ? [`collected ${item.collected}`] : []),
    ...(item.expires ? [`${asOf !== undefined && isExpired(item, asOf) ? 'expired' : 'expires'} ${item.expires}`] : []),
  ];
  return dates.length ? `${what} (${dates.join(', ')})` : what;
}
