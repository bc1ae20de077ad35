/**
 * The evidence register, the re-confirmation list, owners and due dates as plain words, shared by
 * every renderer (each escapes the result for its format: owners and evidence come from the
 * answers file and are untrusted).
 */
import { itemText } from '../answers/model.js';
import type { EvidenceItem } from '../answers/model.js';

export { itemText };
import type { EvidenceReview, Reconfirmation } from '../evidence/review.js';
import { shortHash } from '../evidence/review.js';
import { plural } from '../plural.js';
import { roadmap } from '../scoring/roadmap.js';
import type { RoadmapItem } from '../scoring/roadmap.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';


/** The recorded hash, shortened; none for a link or a file recorded without one. */
export function itemHash(item: EvidenceItem): string | undefined {
  return item.sha256 === undefined ? undefined : shortHash(item.sha256);
}

/** The roadmap entry of each open gap (owner, due date, overdue). */
export function plannedGaps(assessment: Pick<Assessment, 'openGaps' | 'asOf'>): Map<QuestionResult, RoadmapItem> {
  return new Map(roadmap(assessment).map((item) => [item.result, item]));
}

/** Whether any open gap names an owner or a due date (the plans show the column only then). */
export function plansOwners(assessment: Pick<Assessment, 'openGaps'>): boolean {
  return assessment.openGaps.some((r) => r.answer?.owner !== undefined || r.answer?.due !== undefined);
}

/** `owner IT manager, due 2027-03-31 (overdue)`, or undefined when the answer names neither. */
export function ownerDueText(result: QuestionResult, planned: RoadmapItem | undefined): string | undefined {
  const { owner, due } = result.answer ?? {};
  const parts = [owner === undefined ? '' : `owner ${owner}`, due === undefined ? '' : `due ${due}${planned?.overdue ? ' (overdue)' : ''}`].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

/** `369 days`, or `undated`. */
export function ageText(ageDays: number | undefined): string {
  return ageDays === undefined ? 'undated' : plural(ageDays, 'day');
}

/** Why an answer needs re-confirmation, one clause each: `answered 2026-12-06, 369 days ago (max age 12m)`. */
export function reconfirmReasons(entry: Reconfirmation, review: Pick<EvidenceReview, 'maxAge'>): string[] {
  const reasons: string[] = [];
  if (entry.stale) reasons.push(`stale: answered ${entry.result.answer?.answered}, ${ageText(entry.ageDays)} ago (max age ${review.maxAge?.text})`);
  for (const item of entry.expired) reasons.push(`evidence expired ${item.expires}: ${itemText(item)}`);
  return reasons;
}

/** A stale or unverified answer, as CI formats carry it: a warning at a line of the answers file. */
export interface EvidenceWarning {
  result: QuestionResult;
  kind: 'stale' | 'unverified';
  message: string;
  /** The line it points at: the answer's, or the first expired item's. */
  line?: number;
}

/** Every warning of the review: the re-confirmation list, then the unverified answers. */
export function evidenceWarnings(review: EvidenceReview | undefined): EvidenceWarning[] {
  if (!review) return [];
  const owner = (r: QuestionResult) => (r.answer?.owner === undefined ? '' : `; owner ${r.answer.owner}`);
  return [
    ...review.reconfirm.map((entry) => ({
      result: entry.result,
      kind: 'stale' as const,
      message: `Needs re-confirmation: ${reconfirmReasons(entry, review).join('; ')}${owner(entry.result)}.`,
      line: entry.stale ? entry.result.answer?.line : (entry.expired[0]?.at?.line ?? entry.result.answer?.line),
    })),
    ...review.unverified.map((result) => ({
      result,
      kind: 'unverified' as const,
      message: `Unverified: answered ${result.status} with no current evidence (--require-evidence ${review.requireEvidence})${owner(result)}.`,
      line: result.answer?.line,
    })),
  ];
}
