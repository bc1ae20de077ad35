/**
 * What two assessments are compared on: the lower of their levels and the checklists both cover,
 * so that nothing one of them never asked counts as better or worse. Pure.
 */
import type { Checklist, Level } from '../checklist/schema.js';
import type { Assessment } from './model.js';

/** One assessment's own reach: its level and the checklists it was given against. */
export interface Reach {
  level: Level;
  checklists: readonly Checklist[];
}

export interface ComparisonScope {
  level: Level;
  /** The current assessment's checklists that the baseline covers too, in the current order. */
  checklists: Checklist[];
  /** The assessment whose lower level set the scope, when the two levels differ. */
  lowerLevel?: 'baseline' | 'current';
  /** Whether one of the two covers a checklist the other does not. */
  otherChecklists: boolean;
}

/** Questions one assessment or the other covers on its own that the comparison leaves out, by why. */
export interface LeftOut {
  aboveLevel: number;
  otherChecklists: number;
}

export function commonScope(baseline: Reach, current: Reach): ComparisonScope {
  const baselineIds = new Set(baseline.checklists.map((c) => c.id));
  const checklists = current.checklists.filter((c) => baselineIds.has(c.id));
  return {
    level: Math.min(baseline.level, current.level) as Level,
    checklists,
    lowerLevel: baseline.level < current.level ? 'baseline' : current.level < baseline.level ? 'current' : undefined,
    otherChecklists: checklists.length < baselineIds.size || checklists.length < new Set(current.checklists.map((c) => c.id)).size,
  };
}

/** Whether the comparison covers less than either assessment does on its own. */
export function isNarrowed(scope: ComparisonScope): boolean {
  return scope.lowerLevel !== undefined || scope.otherChecklists;
}

/** Counts the questions of each assessment, scored on its own reach, that lie outside the scope (each once). */
export function leftOut(scope: ComparisonScope, own: readonly Assessment[]): LeftOut {
  const ids = new Set(scope.checklists.map((c) => c.id));
  const seen = new Set<string>();
  const out: LeftOut = { aboveLevel: 0, otherChecklists: 0 };
  for (const result of own.flatMap((a) => a.results)) {
    if (seen.has(result.globalId)) continue;
    seen.add(result.globalId);
    if (!ids.has(result.checklist.id)) out.otherChecklists++;
    else if (result.question.level > scope.level) out.aboveLevel++;
  }
  return out;
}

/** What several assessments (a trend's sittings, a roll-up's units) are compared on. */
export interface SharedScope {
  level: Level;
  /** The checklists every one covers, in the last one's order. */
  checklists: Checklist[];
  /** Their own levels, when they differ (lowest first); empty when all are the same. */
  levels: Level[];
  /** Whether one of them covers a checklist another does not. */
  otherChecklists: boolean;
}

/** The rule of commonScope applied to many: the lowest level and the checklists all of them cover. */
export function sharedScope(reaches: readonly Reach[]): SharedScope {
  let shared: Reach = reaches.at(-1)!;
  for (const reach of reaches) {
    const scope = commonScope(reach, shared);
    shared = { level: scope.level, checklists: scope.checklists };
  }
  const levels = [...new Set(reaches.map((r) => r.level))].sort((a, b) => a - b);
  const count = shared.checklists.length;
  return {
    level: shared.level,
    checklists: [...shared.checklists],
    levels: levels.length > 1 ? levels : [],
    otherChecklists: reaches.some((r) => new Set(r.checklists.map((c) => c.id)).size > count),
  };
}
