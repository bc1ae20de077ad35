/**
 * score(): the exact scoring method documented in the README and in each report's methodology.
 * Pure and synchronous: no I/O, no clock (the as-of date is an input).
 */
import type { Answers } from '../answers/model.js';
import type { Catalog, CatalogEntry } from '../catalog.js';
import type { Checklist, Level, Severity } from '../checklist/schema.js';
import { SEVERITIES } from '../checklist/vocabulary.js';
import { plural } from '../plural.js';
import { byChecklist, isGap } from './model.js';
import { summarizeScope, whenApplicability } from './scope.js';
import type { Assessment, ChecklistScore, Grade, QuestionResult, Status } from './model.js';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 8, high: 4, medium: 2, low: 1 };
export const STATUS_VALUE: Record<Status, number | null> = { yes: 1, partial: 0.5, no: 0, unknown: 0, unanswered: 0, na: null };
/** Gap order within a severity: no, unknown, unanswered, then partial. */
export const STATUS_RANK: Record<Status, number> = { no: 0, unknown: 1, unanswered: 2, partial: 3, yes: 4, na: 5 };
export const EFFORT_RANK = { low: 0, medium: 1, high: 2 } as const;

/** Grade bands on the score; the caps below then lower the grade for open gaps. */
export const GRADE_BANDS: readonly [Grade, number][] = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
  ['F', 0],
];

/** A grade ceiling: this many open gaps of this severity (or more) keep the grade at or below it. */
export interface GradeCap {
  severity: Severity;
  atLeast: number;
  grade: Grade;
}

/**
 * The calibration rule (README, Methodology): critical marks the few practices whose absence alone
 * opens the way to an organisation-wide breach or an unrecoverable loss, so any of them open is a D
 * and several of them open is a failing grade, however good the rest; a high gap keeps an A out of reach.
 * Most severe first: the first cap that applies and lowers the grade is the one reported.
 */
export const GRADE_CAPS: readonly GradeCap[] = [
  { severity: 'critical', atLeast: 3, grade: 'F' },
  { severity: 'critical', atLeast: 1, grade: 'D' },
  { severity: 'high', atLeast: 1, grade: 'B' },
];

export interface ScoreOptions {
  /** Selected level; questions above it do not apply. */
  level: Level;
  /** YYYY-MM-DD: the day acceptances are judged on. */
  asOf: string;
}

/** Scores the answers against the catalog. */
export function score(catalog: Catalog, answers: Answers, options: ScoreOptions): Assessment {
  const statusOf = (entry: CatalogEntry): Status => answers.answers.get(entry.globalId)?.value ?? 'unanswered';
  const applies = whenEvaluator(catalog, answers);

  const results: QuestionResult[] = [];
  for (const entry of catalog.entries) {
    if (entry.question.level > options.level || !applies(entry)) continue;
    const answer = answers.answers.get(entry.globalId);
    const status = statusOf(entry);
    // A scoping (gate) question only decides what applies: it is never scored and never a gap.
    const value = entry.question.gate ? null : STATUS_VALUE[status];
    const acceptance = isGap({ value }) ? answer?.accepted : undefined;
    results.push({
      globalId: entry.globalId,
      checklist: entry.checklist,
      question: entry.question,
      status,
      value,
      answer,
      accepted: acceptance !== undefined && acceptance.until >= options.asOf,
      expired: acceptance !== undefined && acceptance.until < options.asOf,
    });
  }

  const gaps = results.filter(isGap).sort(byPriority);
  const openGaps = gaps.filter((r) => !r.accepted);
  // Counts are of scored questions, as the score formula sums them; scoping questions are counted apart.
  const counts = { yes: 0, partial: 0, no: 0, unknown: 0, unanswered: 0, na: 0, applicable: 0, accepted: 0, expired: 0, scoping: 0, scopingUnanswered: 0 };
  for (const r of results) {
    if (r.question.gate) {
      counts.scoping++;
      if (r.status === 'unanswered') counts.scopingUnanswered++;
      continue;
    }
    counts.applicable++;
    counts[r.status]++;
    if (r.accepted) counts.accepted++;
    if (r.expired) counts.expired++;
  }
  const openBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const gap of openGaps) openBySeverity[gap.question.severity]++;

  const overall = weightedScore(results);
  const grouped = byChecklist(results);
  const { grade, cap } = gradeFor(overall, openBySeverity);
  return {
    asOf: options.asOf,
    level: options.level,
    organization: answers.organization,
    assessor: answers.assessor,
    date: answers.date,
    answersFile: answers.file,
    redacted: answers.redacted ?? false,
    score: overall,
    grade,
    gradeCap: cap,
    checklists: catalog.checklists.map((checklist) => checklistScore(checklist, grouped.get(checklist) ?? [])),
    results,
    gaps,
    openGaps,
    accepted: gaps.filter((r) => r.accepted),
    unanswered: results.filter((r) => r.status === 'unanswered'),
    stale: staleChecklists(catalog, answers, grouped),
    notApplicable: results.filter((r) => r.status === 'na'),
    scope: summarizeScope(catalog, answers, options.level),
    counts,
    openBySeverity,
  };
}

/** 100 x sum(weight x value) / sum(weight) over non-na results; null when there are none. */
function weightedScore(results: readonly QuestionResult[]): number | null {
  let earned = 0;
  let possible = 0;
  for (const r of results) {
    if (r.value === null) continue;
    const weight = SEVERITY_WEIGHT[r.question.severity];
    earned += weight * r.value;
    possible += weight;
  }
  return possible === 0 ? null : (100 * earned) / possible;
}

/** The grade band of a score, lowered by the caps for open critical and high gaps. */
export function gradeFor(value: number | null, openBySeverity: Record<Severity, number>): { grade: Grade | null; cap?: string } {
  if (value === null) return { grade: null };
  const banded = GRADE_BANDS.find(([, min]) => value >= min)![0];
  for (const { severity, atLeast, grade: capGrade } of GRADE_CAPS) {
    const open = openBySeverity[severity];
    if (open >= atLeast && banded < capGrade) {
      return { grade: capGrade, cap: `capped at ${capGrade}: ${plural(open, `open ${severity} gap`)}` };
    }
  }
  return { grade: banded };
}

function checklistScore(checklist: ChecklistScore['checklist'], results: QuestionResult[]): ChecklistScore {
  const gaps = results.filter((r) => r.value !== null && r.value < 1);
  // Scoping questions are never scored, so the Applicable column leaves them out like the formula does.
  const scored = results.filter((r) => !r.question.gate);
  return {
    checklist,
    score: weightedScore(results),
    applicable: scored.length,
    answered: scored.filter((r) => r.status !== 'unanswered').length,
    gaps: gaps.length,
    openGaps: gaps.filter((r) => !r.accepted).length,
  };
}

/** Severity, then answer (no, unknown, unanswered, partial), then effort (quick wins first), then catalogue order. */
export function byPriority(a: QuestionResult, b: QuestionResult): number {
  return (
    SEVERITIES.indexOf(a.question.severity) - SEVERITIES.indexOf(b.question.severity) ||
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    EFFORT_RANK[a.question.effort] - EFFORT_RANK[b.question.effort] ||
    0
  );
}

/** Whether each question's `when` holds; see scope.ts for the rule (only a decisive answer switches questions off). */
export function whenEvaluator(catalog: Catalog, answers: Answers): (entry: CatalogEntry) => boolean {
  const applicability = whenApplicability(catalog, answers);
  return (entry) => applicability(entry) !== 'off';
}

/** Checklists whose version differs from the one recorded in the answers file, with their open questions. */
function staleChecklists(catalog: Catalog, answers: Answers, grouped: Map<Checklist, QuestionResult[]>): Assessment['stale'] {
  const recorded = answers.versions ?? {};
  return catalog.checklists
    .filter((c) => recorded[c.id] !== undefined && recorded[c.id] !== c.version)
    .map((checklist) => ({
      checklist,
      answeredVersion: recorded[checklist.id]!,
      unanswered: (grouped.get(checklist) ?? []).filter((r) => r.status === 'unanswered'),
    }));
}
