/**
 * The JSON report: a stable shape for machines, declared in json-schema.ts (which the published
 * schema is generated from); `schemaVersion` changes when a field does.
 */
import { evidenceText, itemText } from '../answers/model.js';
import { safeJson } from '../text.js';
import type { EvidenceReview } from '../evidence/review.js';
import type { Comparison } from '../scoring/compare.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { oneDecimal } from './common.js';
import { comparisonData } from './comparison.js';
import { plannedGaps } from './evidence-text.js';
import type { ReportData } from './json-schema.js';

export const REPORT_SCHEMA_VERSION = 2;

export interface ToolInfo {
  name: string;
  version: string;
}

/** The report as plain data (also used by the SARIF and JUnit renderers' tests). */
export function reportData(assessment: Assessment, tool: ToolInfo, review?: EvidenceReview): ReportData {
  const planned = plannedGaps(assessment);
  const item = (r: QuestionResult) => ({
    id: r.globalId,
    checklist: r.checklist.id,
    question: r.question.ask,
    severity: r.question.severity,
    level: r.question.level,
    answer: r.status,
    note: r.answer?.note ?? null,
    evidence: evidenceText(r.answer?.evidence) ?? null,
    fix: r.question.fix,
    effort: r.question.effort,
    refs: r.question.refs,
    accepted: r.answer?.accepted && (r.accepted || r.expired) ? r.answer.accepted : null,
    expired: r.expired,
    line: r.answer?.line ?? null,
    owner: r.answer?.owner ?? null,
    due: r.answer?.due ?? null,
    overdue: planned.get(r)?.overdue ?? false,
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    asOf: assessment.asOf,
    organization: assessment.organization ?? null,
    assessor: assessment.assessor ?? null,
    date: assessment.date ?? null,
    answersFile: assessment.answersFile ?? null,
    redacted: assessment.redacted,
    level: assessment.level,
    score: oneDecimal(assessment.score),
    grade: assessment.grade,
    gradeCap: assessment.gradeCap ?? null,
    counts: assessment.counts,
    openBySeverity: assessment.openBySeverity,
    checklists: assessment.checklists.map((c) => ({
      id: c.checklist.id,
      title: c.checklist.title,
      version: c.checklist.version,
      score: oneDecimal(c.score),
      applicable: c.applicable,
      answered: c.answered,
      gaps: c.gaps,
      openGaps: c.openGaps,
    })),
    gaps: assessment.gaps.map(item),
    unanswered: assessment.unanswered.map((r) => ({ id: r.globalId, checklist: r.checklist.id, question: r.question.ask, severity: r.question.severity })),
    accepted: assessment.accepted.map(item),
    stale: assessment.stale.map((s) => ({
      checklist: s.checklist.id,
      answeredVersion: s.answeredVersion,
      currentVersion: s.checklist.version,
      unanswered: s.unanswered.map((r) => r.globalId),
    })),
    notApplicable: assessment.notApplicable.map((r) => ({ id: r.globalId, checklist: r.checklist.id, question: r.question.ask, note: r.answer?.note ?? null })),
    scope: {
      keptInScope: assessment.scope.keptInScope.map((k) => ({ question: k.entry.globalId, answer: k.value, dependents: k.dependents })),
      ignoredAnswers: assessment.scope.ignored.map((i) => ({ id: i.entry.globalId, because: i.by.globalId, answer: i.value })),
    },
    evidence: evidenceData(review),
  };
}

/** The evidence register, what needs re-confirmation, what is unverified and the integrity findings (empty without a review). */
function evidenceData(review: EvidenceReview | undefined): ReportData['evidence'] {
  return {
    maxAge: review?.maxAge?.text ?? null,
    requireEvidence: review?.requireEvidence ?? null,
    register: (review?.register ?? []).map(({ result, item, status }) => ({
      id: result.globalId,
      href: item.href ?? null,
      path: item.path ?? null,
      sha256: item.sha256 ?? null,
      collected: item.collected ?? null,
      expires: item.expires ?? null,
      status,
      line: item.at?.line ?? null,
    })),
    needsReconfirmation: (review?.reconfirm ?? []).map((entry) => ({
      id: entry.result.globalId,
      severity: entry.result.question.severity,
      owner: entry.result.answer?.owner ?? null,
      answered: entry.result.answer?.answered ?? null,
      ageDays: entry.ageDays ?? null,
      stale: entry.stale,
      expiredEvidence: entry.expired.map(itemText),
      line: entry.result.answer?.line ?? null,
    })),
    unverified: (review?.unverified ?? []).map((r) => ({ id: r.globalId, severity: r.question.severity, owner: r.answer?.owner ?? null, line: r.answer?.line ?? null })),
    integrity: (review?.integrity ?? []).map((p) => ({ file: p.file, line: p.line, col: p.col, message: p.message })),
  };
}

export interface JsonOptions {
  tool: ToolInfo;
  review?: EvidenceReview;
  /** With --baseline: what improved and what regressed since. */
  comparison?: Comparison;
}

/** Renders the JSON report (2-space indent, trailing newline); `comparison` with --baseline. */
export function renderJson(assessment: Assessment, { tool, comparison, review }: JsonOptions): string {
  const data = comparison ? { ...reportData(assessment, tool, review), comparison: comparisonData(comparison) } : reportData(assessment, tool, review);
  return safeJson(data);
}
