/** The JSON report: a stable shape for machines; `schemaVersion` changes when a field does. */
import { evidenceText } from '../answers/model.js';
import { safeJson } from '../text.js';
import type { Comparison } from '../scoring/compare.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { oneDecimal } from './common.js';
import { comparisonData } from './comparison.js';

const REPORT_SCHEMA_VERSION = 1;


export interface ToolInfo {
  name: string;
  version: string;
}

/** The report as plain data (also used by the SARIF and JUnit renderers' tests). */
export function reportData(assessment: Assessment, tool: ToolInfo) {
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
  };
}

export interface JsonOptions {
  tool: ToolInfo;
  /** With --baseline: what improved and what regressed since. */
  comparison?: Comparison;
}

/** Renders the JSON report (2-space indent, trailing newline); `comparison` with --baseline. */
export function renderJson(assessment: Assessment, { tool, comparison }: JsonOptions): string {
  const data = comparison ? { ...reportData(assessment, tool), comparison: comparisonData(comparison) } : reportData(assessment, tool);
  return safeJson(data);
}
