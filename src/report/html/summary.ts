/** The executive summary: who and when, the score gauge, gaps by severity, the radar, the five most urgent actions, scope. */
import { SEVERITIES } from '../../checklist/vocabulary.js';
import { barChart } from '../charts/bar.js';
import { gaugeChart } from '../charts/gauge.js';
import { radarChart } from '../charts/radar.js';
import { PALETTE } from '../charts/svg.js';
import { isStdin } from '../../answers/stdin.js';
import type { Assessment } from '../../scoring/model.js';
import { REDACTED_NOTICE } from '../../redact.js';
import { SEVERITY_LABEL, formatChecklistScore, formatGrade, formatScore, keptInScopeSentences, scopeStatement, severityCounts } from '../common.js';
import { LEVEL_LABEL } from '../markdown.js';
import { plural } from '../../plural.js';
import { el, figure, link, ol, p, section, severityBadge, strong, table, text } from './markup.js';
import type { Html } from './markup.js';
import { condensedNotice } from './gaps.js';
import type { GapIndex } from './gaps.js';

const URGENT_ACTIONS = 5;
/** A radar reads well from 3 to this many axes; otherwise the scores per checklist are bars. */
export const RADAR_MAX_AXES = 20;
/** Past RADAR_MAX_AXES checklists, page one shows the bars of this many weakest (the heat map lists them all). */
export const WEAKEST_SHOWN = 12;

/** The score per checklist: a radar from 3 to RADAR_MAX_AXES checklists, else bars (past it, of the weakest). */
function checklistChart(assessment: Assessment): Html {
  const all = assessment.checklists;
  const data = (shown: typeof all, caption: string) => table(caption, ['Checklist', 'Score'], shown.map((c) => [{ text: c.checklist.title }, { text: formatChecklistScore(c) }]), [1]);
  if (all.length >= 3 && all.length <= RADAR_MAX_AXES) {
    const radar = radarChart(
      all.map((c) => ({ label: c.checklist.title, value: c.score, valueText: formatScore(c.score) })),
      { id: 'chart-radar', title: 'Score per checklist', desc: `A radar with one axis per checklist (${all.length}), each from 0 at the centre to 100 at the edge.` },
    );
    return figure(radar, data(all, 'Score per checklist'), true);
  }
  // Weakest first; a checklist with nothing to score (null) is not among the weakest.
  const shown = all.length <= RADAR_MAX_AXES ? all : [...all].filter((c) => c.score !== null).sort((a, b) => a.score! - b.score!).slice(0, WEAKEST_SHOWN);
  const title = all.length <= RADAR_MAX_AXES ? 'Score per checklist' : `The ${shown.length} lowest scores of ${all.length} checklists`;
  const bars = barChart(
    shown.map((c) => ({ label: c.checklist.title, value: c.score ?? 0, valueText: formatScore(c.score) })),
    { id: 'chart-checklists', title, desc: `One bar per checklist (${shown.length}), its length the score from 0 to 100.`, max: 100, width: 480 },
  );
  return figure(bars, data(shown, title), true);
}

export function summarySection(assessment: Assessment, gaps: GapIndex): Html {
  const k = assessment.counts;
  const open = assessment.openGaps.length;
  const meta = el(
    'dl',
    { class: 'meta' },
    ...[
      ['Organization', assessment.organization ?? 'not stated'],
      ['Assessor', assessment.assessor ?? 'not stated'],
      ['Answers dated', assessment.date ?? 'not stated'],
      ['As of', `${assessment.asOf} (the day risk acceptances are judged on)`],
      ['Level', `${assessment.level} (${LEVEL_LABEL[assessment.level]})`],
      ['Answers file', assessment.answersFile === undefined ? 'none' : isStdin(assessment.answersFile) ? 'standard input' : assessment.answersFile],
    ].flatMap(([term, value]) => [el('dt', {}, text(term!)), el('dd', {}, text(value!))]),
  );

  const score = formatScore(assessment.score);
  const gauge = figure(
    gaugeChart(
      { value: assessment.score, valueText: score, caption: `Grade ${assessment.grade ?? 'n/a'}` },
      { id: 'chart-score', title: `Score ${score} out of 100, grade ${formatGrade(assessment)}`, desc: 'A half-circle gauge from 0 to 100 filled up to the score.' },
    ),
    table('Score and grade', ['Measure', 'Value'], [['Score (0-100)', score], ['Grade', { text: formatGrade(assessment) }]]),
  );
  const bySeverity = figure(
    barChart(
      SEVERITIES.map((s) => ({ label: SEVERITY_LABEL[s], value: assessment.openBySeverity[s], color: PALETTE.severity[s] })),
      { id: 'chart-severity', title: `Open gaps by severity: ${severityCounts(assessment.openBySeverity)}`, desc: 'One bar per severity, its length the number of open gaps.', width: 300 },
    ),
    table('Open gaps by severity', ['Severity', 'Open gaps'], SEVERITIES.map((s) => [SEVERITY_LABEL[s], String(assessment.openBySeverity[s])]), [1]),
  );
  const byChecklist = checklistChart(assessment);
  const urgent = assessment.openGaps.slice(0, URGENT_ACTIONS);
  const actions =
    open === 0
      ? p('No open gaps.')
      : el('h3', {}, urgent.length === 1 ? 'The most urgent action' : `The ${urgent.length} most urgent actions`) +
        ol(
          urgent.map((r, i) =>
            `${severityBadge(r.question.severity)}: ${text(r.question.ask)} ${link(gaps.anchor(r), `What to do (gap ${i + 1})`)}`,
          ),
        );
  const kept = keptInScopeSentences(assessment.scope);
  const facts = p(
    `${strong('Open gaps:')} ${open === 0 ? 'none' : `${open} (${severityCounts(assessment.openBySeverity)})`}. ` +
      `${strong('Accepted risks:')} ${k.accepted} in force, ${k.expired} expired. ` +
      `${strong('Answered:')} ${k.applicable - k.unanswered} of ${plural(k.applicable, 'applicable question')}.`,
  );
  const scope = el('div', { class: 'scope' }, el('h3', {}, 'Scope and limits'), p(text([...scopeStatement(assessment), ...kept].join(' '))));
  // Said first, as the text and Markdown reports do: a reader must know what was taken out.
  const redacted = assessment.redacted ? p(strong(text(`${REDACTED_NOTICE}.`))) : '';
  return section('summary', 'Executive summary', redacted, el('div', { class: 'overview' }, meta, gauge, bySeverity), byChecklist, facts, condensedNotice(assessment), actions, scope);
}
