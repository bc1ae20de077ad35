/**
 * A roll-up: many units (subsidiaries, sites, teams) each assessed in its own answers file, scored
 * on the scope all share and summed up as a group. Pure.
 *
 * The group score is the mean of the unit scores, each unit weighted by its file's `weight:`
 * (1 when it has none); a unit with no score (nothing applicable) does not count.
 */
import type { Answers } from '../answers/model.js';
import { freshness } from '../answers/freshness.js';
import { buildCatalog } from '../catalog.js';
import type { Checklist } from '../checklist/schema.js';
import type { SharedScope } from './comparison-scope.js';
import type { Assessment, QuestionResult } from './model.js';
import { byPriority, score } from './score.js';

export interface UnitInput {
  /** What the reports call the unit: its organisation, a pseudonym, or its file's name. */
  name: string;
  answers: Answers;
}

export interface Unit {
  name: string;
  weight: number;
  assessment: Assessment;
  /** Why the unit's figures need care: unanswered questions, answers past their maximum age, updated checklists. */
  unanswered: number;
  staleAnswers: number;
  updatedChecklists: string[];
}

export interface GroupChecklist {
  checklist: Checklist;
  /** Weighted mean of the units' scores for it. */
  score: number | null;
  /** The unit with the lowest score for it (the first of equals), if any unit has a score. */
  weakest?: Unit;
}

/** A gap open in several units. */
export interface SharedGap {
  /** The gap as the first unit that has it open sees it. */
  result: QuestionResult;
  units: Unit[];
}

export interface Rollup {
  scope: SharedScope;
  asOf: string;
  units: Unit[];
  score: number | null;
  /** Whether any unit has a weight other than 1. */
  weighted: boolean;
  checklists: GroupChecklist[];
  /** Gaps open in at least half of the units: in the most units first, then by priority. */
  commonGaps: SharedGap[];
  /** Units with unanswered questions, stale answers or updated checklists, listed apart. */
  apart: Unit[];
}

/** Scores every unit on the shared scope as of one date and sums them up. */
export function buildRollup(inputs: readonly UnitInput[], scope: SharedScope, asOf: string): Rollup {
  const catalog = buildCatalog(scope.checklists);
  const units = inputs.map(({ name, answers }): Unit => {
    const assessment = score(catalog, answers, { level: scope.level, asOf });
    const staleAnswers = assessment.results.filter((r) => r.answer && freshness(r.answer, asOf, answers.maxAge).stale).length;
    return {
      name,
      weight: answers.weight ?? 1,
      assessment,
      unanswered: assessment.unanswered.length,
      staleAnswers,
      updatedChecklists: assessment.stale.map((s) => s.checklist.id),
    };
  });
  const checklists = scope.checklists.map((checklist, i): GroupChecklist => {
    const scored = units.map((unit) => ({ unit, score: unit.assessment.checklists[i]!.score }));
    let weakest: { unit: Unit; score: number } | undefined;
    for (const { unit, score } of scored) if (score !== null && (!weakest || score < weakest.score)) weakest = { unit, score };
    return { checklist, score: weightedMean(scored.map(({ unit, score }) => ({ weight: unit.weight, score }))), weakest: weakest?.unit };
  });
  return {
    scope,
    asOf,
    units,
    score: weightedMean(units.map((u) => ({ weight: u.weight, score: u.assessment.score }))),
    weighted: units.some((u) => u.weight !== 1),
    checklists,
    commonGaps: commonGaps(units),
    apart: units.filter((u) => u.unanswered > 0 || u.staleAnswers > 0 || u.updatedChecklists.length > 0),
  };
}

function weightedMean(values: readonly { weight: number; score: number | null }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { weight, score } of values) {
    if (score === null) continue;
    sum += weight * score;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** Open gaps shared by at least half of the units (one pass over every unit's gaps). */
function commonGaps(units: readonly Unit[]): SharedGap[] {
  const byId = new Map<string, SharedGap>();
  for (const unit of units) {
    for (const result of unit.assessment.openGaps) {
      const shared = byId.get(result.globalId);
      if (shared) shared.units.push(unit);
      else byId.set(result.globalId, { result, units: [unit] });
    }
  }
  return [...byId.values()].filter((g) => g.units.length * 2 >= units.length).sort((a, b) => b.units.length - a.units.length || byPriority(a.result, b.result));
}
