/**
 * A trend: the same organisation assessed at several dates, each scored on what all of them cover
 * (the shared scope: lowest level, common checklists), as of its own date. Pure.
 */
import type { Answers } from '../answers/model.js';
import { buildCatalog } from '../catalog.js';
import type { Checklist } from '../checklist/schema.js';
import { compareAssessments } from './compare.js';
import type { Comparison } from './compare.js';
import type { SharedScope } from './comparison-scope.js';
import type { Assessment, QuestionResult } from './model.js';
import { score } from './score.js';

/** One sitting: its answers, when it was, and where it came from. */
export interface TrendInput {
  date: string;
  /** The answers file as named (left out of redacted reports). */
  file?: string;
  /** The commit it was read from (`trend --git`). */
  commit?: string;
  answers: Answers;
}

export interface TrendPoint extends Omit<TrendInput, 'answers'> {
  assessment: Assessment;
}

/** A checklist's score from the first sitting to the last. */
export interface AreaChange {
  checklist: Checklist;
  first: number | null;
  last: number | null;
  /** last - first, in points; 0 when either is n/a. */
  change: number;
}

/** What changed from one sitting to the next. */
export interface TrendStep {
  from: TrendPoint;
  to: TrendPoint;
  comparison: Comparison;
  /** Gaps that were not gaps before, and gaps now closed, in priority order. */
  opened: QuestionResult[];
  closed: QuestionResult[];
}

export interface Trend {
  scope: SharedScope;
  /** Oldest first. */
  points: TrendPoint[];
  /** Checklists that got better, the most improved first; and worse, the most regressed first. */
  improved: AreaChange[];
  regressed: AreaChange[];
  steps: TrendStep[];
}

/** Scores each sitting (oldest first) on the shared scope, as of its own date, and compares each with the one before. */
export function buildTrend(inputs: readonly TrendInput[], scope: SharedScope): Trend {
  const catalog = buildCatalog(scope.checklists);
  const points = inputs.map(({ answers, ...where }) => ({ ...where, assessment: score(catalog, answers, { level: scope.level, asOf: where.date }) }));
  const steps = points.slice(1).map((to, i) => {
    const from = points[i]!;
    const comparison = compareAssessments(from.assessment, to.assessment);
    const opened = comparison.regressed.filter((c) => c.kind === 'new-gap').map((c) => c.result);
    const closed = comparison.improved.filter((c) => c.kind === 'gap-closed').map((c) => c.result);
    return { from, to, comparison, opened, closed };
  });
  const first = points[0]!.assessment.checklists;
  const last = points.at(-1)!.assessment.checklists;
  const changes = last.map((now, i): AreaChange => {
    const before = first[i]!.score;
    return { checklist: now.checklist, first: before, last: now.score, change: before === null || now.score === null ? 0 : now.score - before };
  });
  return {
    scope,
    points,
    improved: changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change),
    regressed: changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change),
    steps,
  };
}

/** Sittings in date order; the same date keeps the order given (stable sort). */
export function byDate<T extends { date: string }>(inputs: readonly T[]): T[] {
  return [...inputs].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
