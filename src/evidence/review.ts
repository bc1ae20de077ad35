/**
 * What the evidence, the owners and the answer dates mean on the as-of date: pure rules over the
 * assessment and the file checks (check.ts). The evidence register, the answers that need
 * re-confirmation, the unverified answers and the integrity findings; and the CI policies on them.
 * Stale answers and expired evidence are never gaps: they change no score.
 */
import { freshness, hasCurrentEvidence, isExpired } from '../answers/freshness.js';
import type { MaxAge } from '../answers/freshness.js';
import type { EvidenceItem } from '../answers/model.js';
import type { Severity } from '../checklist/vocabulary.js';
import type { FailOn } from '../policy.js';
import { severitiesAtOrAbove } from '../policy.js';
import { plural } from '../plural.js';
import type { Problem } from '../problems.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { quote } from '../text.js';
import type { FileCheck } from './check.js';

/** An evidence item's state, as the register shows it. */
export const EVIDENCE_STATUSES = ['current', 'expired', 'missing', 'changed', 'refused', 'not checked'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** States that break the evidence's integrity: each is a finding, and fails `report`. */
const INTEGRITY: ReadonlySet<EvidenceStatus> = new Set(['missing', 'changed', 'refused']);

export interface RegisterRow {
  result: QuestionResult;
  item: EvidenceItem;
  status: EvidenceStatus;
}

export interface Reconfirmation {
  result: QuestionResult;
  /** Older than the maximum age. */
  stale: boolean;
  /** Days since `answered`, when the answer is dated. */
  ageDays?: number;
  /** Evidence items past their `expires`. */
  expired: EvidenceItem[];
}

export interface EvidenceReview {
  /** The maximum age applied (--max-age, else the file's `max-age:`), if any. */
  maxAge?: MaxAge;
  /** With --require-evidence: the lowest severity that needs current evidence. */
  requireEvidence?: Severity;
  /** Every evidence item (link or file) of the applicable answers, in question order. */
  register: RegisterRow[];
  /** Stale answers and answers with expired evidence. */
  reconfirm: Reconfirmation[];
  /** With --require-evidence: yes and partial answers at or above it without current evidence. */
  unverified: QuestionResult[];
  /** Missing, changed and refused evidence files, each at its entry in the answers file. */
  integrity: Problem[];
}

export interface ReviewOptions {
  /** The answers file as messages name it. */
  file: string;
  maxAge?: MaxAge;
  requireEvidence?: Severity;
}

/** Reviews the evidence of every answer the file gives; `checks` has every local item's file check. */
export function reviewEvidence(
  assessment: Pick<Assessment, 'asOf' | 'results'>,
  allEvidence: readonly EvidenceItem[],
  checks: ReadonlyMap<EvidenceItem, FileCheck>,
  options: ReviewOptions,
): EvidenceReview {
  const { asOf } = assessment;
  const statusOf = (item: EvidenceItem) => evidenceStatus(item, checks.get(item), asOf);
  const register: RegisterRow[] = [];
  const reconfirm: Reconfirmation[] = [];
  const unverified: QuestionResult[] = [];
  const required = new Set(options.requireEvidence ? severitiesAtOrAbove(options.requireEvidence) : []);
  for (const result of assessment.results) {
    const answer = result.answer;
    if (!answer || result.status === 'unanswered') continue;
    const evidence = answer.evidence ?? [];
    // The shorthand `evidence: text` names evidence in words: the gap details show it, as before.
    for (const item of evidence) if (item.text === undefined) register.push({ result, item, status: statusOf(item) });
    const fresh = freshness(answer, asOf, options.maxAge);
    if (fresh.stale || fresh.expiredEvidence.length) reconfirm.push({ result, stale: fresh.stale, ageDays: fresh.ageDays, expired: fresh.expiredEvidence });
    const claims = result.status === 'yes' || result.status === 'partial';
    if (claims && required.has(result.question.severity) && !hasCurrentEvidence({ evidence: evidence.filter((item) => !INTEGRITY.has(statusOf(item))) }, asOf)) {
      unverified.push(result);
    }
  }
  const integrity = integrityFindings(allEvidence, checks, options.file);
  return { maxAge: options.maxAge, requireEvidence: options.requireEvidence, register, reconfirm, unverified, integrity };
}

/**
 * Missing, changed and refused files among the items, each at its entry in the answers file. Every
 * answer's files count, in scope or not: a tampered file is a finding wherever it hangs.
 */
export function integrityFindings(items: readonly EvidenceItem[], checks: ReadonlyMap<EvidenceItem, FileCheck>, file: string): Problem[] {
  return items.flatMap((item) => {
    const message = integrityMessage(item, checks.get(item));
    return message ? [{ file, line: item.at?.line ?? 1, col: item.at?.col ?? 1, message }] : [];
  });
}

/** An item's state: integrity first (a changed file counts for nothing), then its date, then whether it could be checked. */
export function evidenceStatus(item: EvidenceItem, check: FileCheck | undefined, asOf: string): EvidenceStatus {
  if (check?.status === 'refused' || check?.status === 'missing') return check.status;
  if (check?.status === 'found' && item.sha256 !== undefined && check.sha256 !== item.sha256) return 'changed';
  if (isExpired(item, asOf)) return 'expired';
  return check?.status === 'found' && item.sha256 !== undefined ? 'current' : 'not checked';
}

/** Why a local file breaks the evidence's integrity, or undefined when it does not. */
function integrityMessage(item: EvidenceItem, check: FileCheck | undefined): string | undefined {
  const path = quote(item.path ?? '');
  if (check === undefined) return undefined;
  if (check.status === 'refused') return `evidence ${path} refused: ${check.reason}`;
  if (check.status === 'missing') return `evidence ${path} is missing`;
  if (item.sha256 !== undefined && check.sha256 !== item.sha256) {
    return `evidence ${path} changed since it was recorded: SHA-256 ${shortHash(check.sha256)}, recorded ${shortHash(item.sha256)}`;
  }
  return undefined;
}

/** The first 12 hex digits of a SHA-256: enough to tell files apart in a table. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export interface EvidencePolicy {
  failOn: FailOn;
  failOnStale: boolean;
}

/** Why the evidence fails the policy: one line each (integrity findings are reported on their own). */
export function evidencePolicyReasons(review: EvidenceReview, policy: EvidencePolicy): string[] {
  const reasons: string[] = [];
  if (policy.failOnStale) {
    const blocking = new Set(severitiesAtOrAbove(policy.failOn));
    const failing = review.reconfirm.filter((r) => blocking.has(r.result.question.severity));
    if (failing.length) {
      const stale = failing.filter((r) => r.stale).length;
      const expired = failing.filter((r) => r.expired.length).length;
      reasons.push(
        `--fail-on-stale: ${plural(failing.length, 'answer')} at or above ${policy.failOn} need${failing.length === 1 ? 's' : ''} re-confirmation (${stale} stale, ${expired} with expired evidence): ${listed(failing.map((r) => r.result.globalId))}`,
      );
    }
  }
  if (review.unverified.length) {
    const n = review.unverified.length;
    reasons.push(`--require-evidence ${review.requireEvidence}: ${plural(n, 'yes or partial answer')} without current evidence (${listed(review.unverified.map((r) => r.globalId))})`);
  }
  return reasons;
}

/** The first few ids, and how many more. */
function listed(ids: string[]): string {
  const shown = ids.slice(0, 5);
  return `${shown.join(', ')}${ids.length > shown.length ? `, and ${ids.length - shown.length} more` : ''}`;
}
