/**
 * Compares two assessments of the same checklists (a baseline and now): what improved, what
 * regressed and what was assessed for the first time, question by question. Pure; both must be
 * scored on the same catalog, level and as-of date (see scope.ts for choosing them).
 */
import { isGap } from './model.js';
import type { Level } from '../checklist/schema.js';
import type { Assessment, Grade, QuestionResult, Status } from './model.js';
import { byPriority } from './score.js';

export type ChangeKind =
  | 'new-gap' // was yes or not applicable, now a gap
  | 'worse-answer' // still a gap, but a lower answer (partial -> no)
  | 'acceptance-expired' // an accepted risk whose acceptance has run out or was withdrawn
  | 'new-question' // applies now but did not before (e.g. added by a checklist update) and is still unanswered
  | 'first-assessed' // answered now, but unanswered or not asked in the baseline: nothing to compare with
  | 'gap-closed' // was a gap, now yes or not applicable
  | 'better-answer'; // still a gap, but a higher answer

export interface Change {
  kind: ChangeKind;
  result: QuestionResult;
  before?: Status;
  after: Status;
}

export interface Comparison {
  regressed: Change[];
  improved: Change[];
  /** Neither better nor worse: the baseline has no answer to compare with. */
  firstAssessed: Change[];
  scoreBefore: number | null;
  scoreAfter: number | null;
  gradeBefore: Grade | null;
  gradeAfter: Grade | null;
  /** What both were scored on. */
  level: Level;
  checklists: string[];
  /** Each checklist's score in the baseline and now (null where it has nothing scored). */
  checklistScores: ChecklistChange[];
}

export interface ChecklistChange {
  id: string;
  title: string;
  before: number | null;
  after: number | null;
}

const REGRESSIONS: ReadonlySet<ChangeKind> = new Set(['new-gap', 'worse-answer', 'acceptance-expired', 'new-question']);
const IMPROVEMENTS: ReadonlySet<ChangeKind> = new Set(['gap-closed', 'better-answer']);

/** Question-by-question comparison, each list in priority order. */
export function compareAssessments(before: Assessment, after: Assessment): Comparison {
  const previous = new Map(before.results.map((r) => [r.globalId, r]));
  const changes: Change[] = [];
  for (const result of after.results) {
    const old = previous.get(result.globalId);
    const kind = classify(old, result);
    if (kind) changes.push({ kind, result, before: old?.status, after: result.status });
  }
  // A checklist updated since the answers were given: its unanswered questions are new work.
  const listed = new Set(changes.map((c) => c.result.globalId));
  for (const stale of after.stale) {
    for (const result of stale.unanswered) {
      if (!listed.has(result.globalId)) changes.push({ kind: 'new-question', result, before: undefined, after: result.status });
    }
  }
  const ordered = (list: Change[]) => list.sort((a, b) => byPriority(a.result, b.result));
  return {
    regressed: ordered(changes.filter((c) => REGRESSIONS.has(c.kind))),
    improved: ordered(changes.filter((c) => IMPROVEMENTS.has(c.kind))),
    firstAssessed: ordered(changes.filter((c) => c.kind === 'first-assessed')),
    scoreBefore: before.score,
    scoreAfter: after.score,
    gradeBefore: before.grade,
    gradeAfter: after.grade,
    level: after.level,
    checklists: after.checklists.map((c) => c.checklist.id),
    checklistScores: checklistChanges(before, after),
  };
}

function checklistChanges(before: Assessment, after: Assessment): ChecklistChange[] {
  const previous = new Map(before.checklists.map((c) => [c.checklist.id, c.score]));
  return after.checklists.map((c) => ({ id: c.checklist.id, title: c.checklist.title, before: previous.get(c.checklist.id) ?? null, after: c.score }));
}

function classify(old: QuestionResult | undefined, now: QuestionResult): ChangeKind | undefined {
  if (now.status !== 'unanswered' && (!old || old.status === 'unanswered')) return 'first-assessed';
  if (!old) return isGap(now) ? 'new-question' : undefined;
  if (isGap(now) && !isGap(old)) return 'new-gap';
  if (!isGap(now) && isGap(old)) return 'gap-closed';
  if (!isGap(now)) return undefined;
  if (now.value! < old.value!) return 'worse-answer';
  if (old.accepted && !now.accepted) return 'acceptance-expired';
  if (now.value! > old.value!) return 'better-answer';
  return undefined;
}

/** Short human label of a change. */
export const CHANGE_LABEL: Record<ChangeKind, string> = {
  'new-gap': 'new gap',
  'worse-answer': 'worse answer',
  'acceptance-expired': 'risk acceptance expired or withdrawn',
  'new-question': 'new question, not yet answered',
  'first-assessed': 'assessed for the first time',
  'gap-closed': 'gap closed',
  'better-answer': 'better answer',
};
