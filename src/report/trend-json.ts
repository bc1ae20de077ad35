/** The trend as data: the JSON format, and the one view of it other renderers (a chart) can read. */
import type { QuestionResult } from '../scoring/model.js';
import type { AreaChange, Trend, TrendPoint } from '../scoring/trend.js';
import { safeJson } from '../text.js';
import { oneDecimal } from './common.js';
import type { TrendContext } from './trend-formats.js';

const TREND_SCHEMA_VERSION = 1;

/** A point's label: its date, and the short commit it was read from. */
export function pointLabel(point: TrendPoint): string {
  return point.commit ? `${point.date} (${point.commit.slice(0, 7)})` : point.date;
}

export function trendData(trend: Trend, context: Pick<TrendContext, 'tool'>) {
  const last = trend.points.at(-1)!.assessment;
  const gap = (r: QuestionResult) => ({ id: r.globalId, severity: r.question.severity, answer: r.status });
  const area = (a: AreaChange) => ({ checklist: a.checklist.id, first: oneDecimal(a.first), last: oneDecimal(a.last), change: oneDecimal(a.change) });
  return {
    schemaVersion: TREND_SCHEMA_VERSION,
    kind: 'trend',
    tool: context.tool,
    redacted: last.redacted,
    organization: last.organization ?? null,
    level: trend.scope.level,
    levels: trend.scope.levels,
    checklists: trend.scope.checklists.map((c) => ({ id: c.id, title: c.title })),
    points: trend.points.map((p) => ({
      label: pointLabel(p),
      date: p.date,
      commit: p.commit ?? null,
      file: p.file ?? null,
      score: oneDecimal(p.assessment.score),
      grade: p.assessment.grade,
      openGaps: p.assessment.openGaps.length,
      checklists: Object.fromEntries(p.assessment.checklists.map((c) => [c.checklist.id, oneDecimal(c.score)])),
    })),
    improved: trend.improved.map(area),
    regressed: trend.regressed.map(area),
    steps: trend.steps.map((s) => ({
      from: pointLabel(s.from),
      to: pointLabel(s.to),
      scoreBefore: oneDecimal(s.from.assessment.score),
      scoreAfter: oneDecimal(s.to.assessment.score),
      opened: s.opened.map(gap),
      closed: s.closed.map(gap),
    })),
  };
}

export function renderTrendJson(trend: Trend, context: TrendContext): string {
  return safeJson(trendData(trend, context));
}
