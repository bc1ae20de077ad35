/** The CI policy: whether an assessment passes `--fail-on`, `--min-score` and `--require-complete`. */
import type { Severity } from './checklist/vocabulary.js';
import { SEVERITIES } from './checklist/vocabulary.js';
import type { Assessment, QuestionResult } from './scoring/model.js';
import { plural } from './plural.js';
import { formatScore, oneDecimal } from './report/common.js';

export type FailOn = Severity | 'none';

export interface Policy {
  failOn: FailOn;
  minScore?: number;
  requireComplete: boolean;
}

export interface PolicyResult {
  passed: boolean;
  /** One line per broken rule, for stderr. */
  reasons: string[];
  /** The open gaps that break `--fail-on`, most severe first. */
  failing: QuestionResult[];
}

/** Severities at or above `failOn` (critical is the highest). */
export function severitiesAtOrAbove(failOn: FailOn): Severity[] {
  return failOn === 'none' ? [] : SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1);
}

/** Judges the assessment; accepted risks in force never fail `--fail-on`. */
export function evaluatePolicy(assessment: Assessment, policy: Policy): PolicyResult {
  const reasons: string[] = [];
  const blocking = new Set(severitiesAtOrAbove(policy.failOn));
  const failing = assessment.openGaps.filter((gap) => blocking.has(gap.question.severity));
  if (failing.length) {
    const expired = failing.filter((g) => g.expired).length;
    const bySeverity = SEVERITIES.filter((s) => blocking.has(s))
      .map((s) => [s, failing.filter((g) => g.question.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ');
    reasons.push(
      `--fail-on ${policy.failOn}: ${plural(failing.length, 'open gap')} at or above ${policy.failOn} (${bySeverity})${expired ? `, ${expired} of them with an expired risk acceptance` : ''}`,
    );
  }
  // Judged on the figure every report prints (one decimal), so a pass or a fail never contradicts it.
  if (policy.minScore !== undefined && (oneDecimal(assessment.score) ?? 0) < policy.minScore) {
    reasons.push(`--min-score ${policy.minScore}: the score is ${formatScore(assessment.score)}`);
  }
  // Unanswered scoping questions count too: their answer decides what else applies.
  const unanswered = assessment.unanswered.length;
  if (policy.requireComplete && unanswered > 0) {
    const ids = assessment.unanswered.slice(0, 5).map((r) => r.globalId);
    const more = unanswered - ids.length;
    reasons.push(`--require-complete: ${unanswered} applicable question${unanswered === 1 ? ' is' : 's are'} unanswered (${ids.join(', ')}${more > 0 ? `, and ${more} more` : ''})`);
  }
  return { passed: reasons.length === 0, reasons, failing };
}
