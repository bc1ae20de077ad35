/** The roll-up as data: the JSON format, and the one view of it other renderers (a heat map) can read. */
import type { Rollup, Unit } from '../scoring/rollup.js';
import { safeJson } from '../text.js';
import { oneDecimal } from './common.js';
import type { RollupContext } from './rollup-formats.js';

const ROLLUP_SCHEMA_VERSION = 1;

/** Why a unit is listed apart, one phrase each: `5 unanswered`, `3 answers past max-age`, `checklist x updated`. */
export function apartReasons(unit: Unit): string[] {
  return [
    ...(unit.unanswered ? [`${unit.unanswered} unanswered`] : []),
    ...(unit.staleAnswers ? [`${unit.staleAnswers} answer${unit.staleAnswers === 1 ? '' : 's'} past max-age`] : []),
    ...unit.updatedChecklists.map((id) => `checklist ${id} updated since answered`),
  ];
}

export function rollupData(rollup: Rollup, context: Pick<RollupContext, 'tool'>) {
  return {
    schemaVersion: ROLLUP_SCHEMA_VERSION,
    kind: 'rollup',
    tool: context.tool,
    asOf: rollup.asOf,
    redacted: rollup.units.some((u) => u.assessment.redacted),
    level: rollup.scope.level,
    levels: rollup.scope.levels,
    checklists: rollup.checklists.map((c) => ({ id: c.checklist.id, title: c.checklist.title, score: oneDecimal(c.score), weakest: c.weakest?.name ?? null })),
    score: oneDecimal(rollup.score),
    weighted: rollup.weighted,
    units: rollup.units.map((u) => ({
      name: u.name,
      weight: u.weight,
      score: oneDecimal(u.assessment.score),
      grade: u.assessment.grade,
      openGaps: u.assessment.openGaps.length,
      openBySeverity: u.assessment.openBySeverity,
      checklists: Object.fromEntries(u.assessment.checklists.map((c) => [c.checklist.id, oneDecimal(c.score)])),
      apart: apartReasons(u),
    })),
    commonGaps: rollup.commonGaps.map((g) => ({ id: g.result.globalId, severity: g.result.question.severity, units: g.units.map((u) => u.name) })),
  };
}

export function renderRollupJson(rollup: Rollup, context: RollupContext): string {
  return safeJson(rollupData(rollup, context));
}
