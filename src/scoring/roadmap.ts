/**
 * The roadmap: every open gap placed in a time window (30, 60 or 90 days, or later) by its severity
 * and effort, with the target date that follows from the as-of date, or the answer's own `due` when
 * the answers file gives one. One owner for the rule, so the HTML and Markdown roadmaps, the OSCAL
 * milestones and the CSV plan all agree.
 */
import type { Effort, Severity } from '../checklist/vocabulary.js';
import { addDays } from '../iso-date.js';
import type { Assessment, QuestionResult } from './model.js';

export const ROADMAP_WINDOWS = [30, 60, 90, 'later'] as const;
export type RoadmapWindow = (typeof ROADMAP_WINDOWS)[number];

/** Where a severity starts; a low-effort fix moves one window sooner, a high-effort one a window later (never for critical). */
const BASE_WINDOW: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const EFFORT_SHIFT: Record<Effort, number> = { low: -1, medium: 0, high: 1 };

export interface RoadmapItem {
  result: QuestionResult;
  window: RoadmapWindow;
  /** The answer's `due`, else the end of the window counted from the as-of date; none for `later`. */
  target?: string;
  /** Whether the target is the answer's own `due` (rather than the window's end). */
  dueFromAnswers: boolean;
  /** A `due` before the as-of date. */
  overdue: boolean;
}

/** The window a gap of this severity and effort belongs in. */
export function roadmapWindow(severity: Severity, effort: Effort): RoadmapWindow {
  const shift = severity === 'critical' ? 0 : EFFORT_SHIFT[effort];
  const index = Math.min(Math.max(BASE_WINDOW[severity] + shift, 0), ROADMAP_WINDOWS.length - 1);
  return ROADMAP_WINDOWS[index]!;
}

/** Every open gap of the assessment, in priority order, with its window and target date. */
export function roadmap(assessment: Pick<Assessment, 'openGaps' | 'asOf'>): RoadmapItem[] {
  return assessment.openGaps.map((result) => {
    const window = roadmapWindow(result.question.severity, result.question.effort);
    const due = result.answer?.due;
    const target = due ?? (window === 'later' ? undefined : addDays(assessment.asOf, window));
    return { result, window, target, dueFromAnswers: due !== undefined, overdue: due !== undefined && due < assessment.asOf };
  });
}

/** What a report says after the target date: ` (overdue)`, ` (window end)` when it is not the answers' own, or nothing. */
export function targetQualifier(item: RoadmapItem): string {
  return item.overdue ? ' (overdue)' : item.dueFromAnswers ? '' : ' (window end)';
}

/** A window's heading, e.g. "Within 30 days" or "Later". */
export function windowLabel(window: RoadmapWindow): string {
  return window === 'later' ? 'Later' : `Within ${window} days`;
}
