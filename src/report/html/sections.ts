/** The report's sections after the summary, each a pure function of the assessment. */
import { evidenceText } from '../../answers/model.js';
import { SEVERITIES } from '../../checklist/vocabulary.js';
import { heatMapChart } from '../charts/heatmap.js';
import { lineChart } from '../charts/line.js';
import { CHANGE_LABEL } from '../../scoring/compare.js';
import type { Change, Comparison } from '../../scoring/compare.js';
import { lessonStatus } from '../../scoring/lessons.js';
import { byChecklist } from '../../scoring/model.js';
import type { Assessment, QuestionResult } from '../../scoring/model.js';
import { ROADMAP_WINDOWS, targetQualifier, windowLabel } from '../../scoring/roadmap.js';
import type { RoadmapItem, RoadmapWindow } from '../../scoring/roadmap.js';
import { LESSONS_INTRO, LESSON_STATES_EXPLAINED, SEVERITY_LABEL, STATUS_LABEL, describeAnswer, formatChecklistScore, formatScore } from '../common.js';
import { FRAMEWORK_LABEL, frameworkCoverage, refsText } from '../coverage.js';
import { LESSON_STATE_LABEL } from '../markdown.js';
import { plural } from '../../plural.js';
import { methodologyHtml } from './methodology.js';
import { CONDENSED_ROADMAP_HEADERS, CONDENSED_UNANSWERED_TEXT, condensedRoadmapRows, condensedRoadmapText } from '../condense.js';
import { condensedNotice } from './gaps.js';
import type { GapIndex } from './gaps.js';
import { anchor, el, figure, link, p, section, severityBadge, strong, table, text, ul } from './markup.js';
import type { Cell, Html, Row } from './markup.js';

const severity = (r: QuestionResult): Html => severityBadge(r.question.severity);
const code = (id: string): Html => el('code', {}, text(id));


/** The gap's number linked to its details, and its question. */
function findingCell(r: QuestionResult, gaps: GapIndex): Cell {
  return { html: `${link(gaps.anchor(r), `#${gaps.number(r)}`)} ${text(r.question.ask)}` };
}

/** The question id, linked to where the gap is described when it is an open gap. */
function idCell(r: QuestionResult, gaps: GapIndex): Cell {
  return { html: gaps.number(r) === undefined ? code(r.globalId) : link(gaps.anchor(r), code(r.globalId)) };
}

/** The target date (never broken at its hyphens) and where it comes from. */
function dueCell(item: RoadmapItem): Cell {
  if (item.target === undefined) return '—';
  return { html: `${el('span', { class: 'date' }, text(item.target))}${targetQualifier(item)}` };
}

export function lessonsSection(assessment: Assessment): Html {
  const rows = lessonStatus(assessment).map(({ lesson, status }): Cell[] => [
    { html: `${strong(text(lesson.failure))}: ${text(lesson.description)}` },
    { text: lesson.sources.map((s) => `${s.publication} (${s.date})`).join('; ') + (lesson.basis === 'implied' ? '; implied' : '') },
    LESSON_STATE_LABEL[status],
  ]);
  return section('lessons', 'Lessons from the Sony Pictures breach', p(text(LESSONS_INTRO)), table('The failures and their status here', ['Failure', 'Source', 'Status here'], rows), p(text(LESSON_STATES_EXPLAINED)));
}

export function heatMapSection(assessment: Assessment): Html {
  const open = byChecklist(assessment.openGaps);
  const counts = assessment.checklists.map((c) => SEVERITIES.map((s) => (open.get(c.checklist) ?? []).filter((r) => r.question.severity === s).length));
  const titles = assessment.checklists.map((c) => c.checklist.title);
  const chart = heatMapChart(
    { rows: titles, columns: SEVERITIES.map((s) => SEVERITY_LABEL[s]), cells: counts },
    { id: 'chart-heat', title: 'Open gaps by checklist and severity', desc: 'A grid with one row per checklist and one column per severity; each cell gives the number of open gaps, darker for more.' },
  );
  const data = table(
    'Open gaps by checklist and severity',
    ['Checklist', ...SEVERITIES.map((s) => SEVERITY_LABEL[s]), 'Score'],
    assessment.checklists.map((c, i): Cell[] => [{ text: c.checklist.title }, ...counts[i]!.map(String), { text: formatChecklistScore(c) }]),
    [1, 2, 3, 4, 5],
  );
  return section('heat-map', 'Heat map', p('Where the open gaps are: each checklist against each severity.'), figure(chart, data));
}

export function roadmapSection(items: readonly RoadmapItem[], gaps: GapIndex): Html {
  if (items.length === 0) return section('roadmap', 'Roadmap', p('No open gaps.'));
  const intro = p(
    'Every open gap placed in a time window by its severity and effort: critical gaps within 30 days, a quick fix one window sooner, a large one a window later. ' +
      'The due date is the answers file’s own <code>due</code> where it gives one, otherwise the end of the window counted from the as-of date.',
  );
  const inWindow = (window: RoadmapWindow) => items.filter((item) => item.window === window);
  if (gaps.condensed) {
    // Thousands of rows would repeat the plan: the windows are counted here, each gap's due date is in the plan.
    return section(
      'roadmap',
      'Roadmap',
      intro,
      p(text(condensedRoadmapText(items.length))),
      table('Open gaps by window and severity', CONDENSED_ROADMAP_HEADERS, condensedRoadmapRows(items), [1, 2, 3, 4, 5]),
    );
  }
  const windows = ROADMAP_WINDOWS.flatMap((window) => {
    const these = inWindow(window);
    if (these.length === 0) return [];
    const rows = these.map((item): Cell[] => [findingCell(item.result, gaps), severity(item.result), item.result.question.effort, { text: item.result.answer?.owner ?? '—' }, dueCell(item)]);
    return [el('h3', {}, text(`${windowLabel(window)} (${these.length})`)), table(windowLabel(window), ['Finding', 'Severity', 'Effort', 'Owner', 'Due'], rows)];
  });
  return section('roadmap', 'Roadmap', intro, ...windows);
}

/** A list of changes: each question's id, its question (not in a condensed report: thousands would repeat the plan), severity and change. */
function changeTable(title: string, changes: readonly Change[], condensed: boolean): Html {
  const rows = changes.map((c): Cell[] => [
    { html: code(c.result.globalId) },
    ...(condensed ? [] : [{ text: c.result.question.ask }]),
    severity(c.result),
    { text: `${CHANGE_LABEL[c.kind]}: ${c.before ? STATUS_LABEL[c.before] : 'not asked'} → ${STATUS_LABEL[c.after]}` },
  ]);
  return table(title, ['Question id', ...(condensed ? [] : ['Question']), 'Severity', 'Change'], rows);
}

/** One of a row of small charts, its name shown above it (the chart's own title is for screen readers). */
const smallChart = (name: string, chart: Html): Html => el('figure', { class: 'small-chart' }, el('figcaption', {}, text(name)), chart);

export function comparisonSection(comparison: Comparison, gaps: GapIndex): Html {
  const chart = lineChart(
    { x: ['Baseline', 'Now'], series: [{ label: 'Score', values: [comparison.scoreBefore, comparison.scoreAfter] }] },
    {
      id: 'chart-trend',
      title: `Score since the baseline: ${formatScore(comparison.scoreBefore)} then ${formatScore(comparison.scoreAfter)}`,
      desc: 'A line from the baseline score to the score now, on a scale from 0 to 100.',
      max: 100,
      width: 420,
      height: 200,
    },
  );
  const data = table('Score since the baseline', ['When', 'Score'], [['Baseline', formatScore(comparison.scoreBefore)], ['Now', formatScore(comparison.scoreAfter)]], [1]);
  // One small chart per checklist (ids are ours, by position), and all their numbers in one table.
  const perChecklist = comparison.checklistScores.map((c, i) =>
    smallChart(c.title, lineChart(
      { x: ['Baseline', 'Now'], series: [{ label: 'Score', values: [c.before, c.after] }] },
      {
        id: `chart-trend-${i + 1}`,
        title: `${c.title}: ${formatScore(c.before)} then ${formatScore(c.after)}`,
        desc: `The score of the checklist ${c.title} in the baseline and now, on a scale from 0 to 100.`,
        max: 100,
        width: 260,
        height: 130,
      },
    )),
  );
  const change = (c: (typeof comparison.checklistScores)[number]) =>
    c.before === null || c.after === null ? 'n/a' : `${c.after - c.before >= 0 ? '+' : ''}${formatScore(c.after - c.before)}`;
  const perChecklistData = table(
    'Score by checklist since the baseline',
    ['Checklist', 'Baseline', 'Now', 'Change'],
    comparison.checklistScores.map((c) => [{ text: c.title }, formatScore(c.before), formatScore(c.after), change(c)]),
    [1, 2, 3],
  );
  const lists = (
    [
      ['Regressed', comparison.regressed],
      ['Improved', comparison.improved],
      ['Assessed for the first time', comparison.firstAssessed],
    ] as const
  ).map(([title, changes]) =>
    changes.length === 0 ? el('h3', {}, `${title} (0)`) + p('None.') : el('h3', {}, `${title} (${changes.length})`) + changeTable(title, changes, gaps.condensed),
  );
  return section(
    'baseline',
    'Since the baseline',
    p(text(`Compared at level ${comparison.level} on ${plural(comparison.checklists.length, 'checklist')}.`)),
    figure(chart, data),
    el('h3', {}, 'By checklist'),
    el('div', { class: 'small-multiples' }, ...perChecklist),
    perChecklistData,
    ...lists,
  );
}

export function planSection(assessment: Assessment, items: readonly RoadmapItem[], gaps: GapIndex): Html {
  if (assessment.openGaps.length === 0) return section('plan', 'Remediation plan', p('No open gaps.'));
  const intro = p(`Open gaps in priority order: most severe first, then the weakest answers, then the quickest fixes.${gaps.condensed ? '' : ' Each links to its details and fix.'}`);
  if (gaps.condensed) {
    // The one place every gap's question is written: a gap without a details article is described by its row.
    const rows = items.map((item): Row => {
      const r = item.result;
      const cells: Cell[] = [
        gaps.detailed(r) ? { html: link(gaps.anchor(r), String(gaps.number(r))) } : String(gaps.number(r)),
        { text: r.question.ask },
        severity(r),
        { text: describeAnswer(r) },
        r.question.effort,
        dueCell(item),
        { text: r.answer?.owner ?? '—' },
      ];
      return gaps.detailed(r) ? cells : { id: gaps.anchor(r), cells };
    });
    return section('plan', 'Remediation plan', intro, condensedNotice(assessment), table('Open gaps in priority order', ['Gap', 'Question', 'Severity', 'Answer', 'Effort', 'Due', 'Owner'], rows, [0]));
  }
  const rows = assessment.openGaps.map((r): Cell[] => [findingCell(r, gaps), severity(r), { text: describeAnswer(r) }, r.question.effort, { text: refsText(r.question.refs) || '—' }]);
  return section('plan', 'Remediation plan', intro, table('Open gaps in priority order', ['Finding', 'Severity', 'Answer', 'Effort', 'Framework refs'], rows));
}

export function detailsSection(assessment: Assessment, gaps: GapIndex): Html {
  if (assessment.openGaps.length === 0) return section('details', 'Gap details', p('No open gaps.'));
  const open = byChecklist(assessment.openGaps.slice(0, gaps.detailedCount));
  const parts = assessment.checklists.flatMap((c) => {
    const inChecklist = open.get(c.checklist) ?? [];
    if (inChecklist.length === 0) return [];
    const intro =
      el('h3', {}, text(c.checklist.title)) +
      el('p', { class: 'prose' }, `${strong('What happened at Sony Pictures:')} ${text(c.checklist.lesson)}`) +
      ul(c.checklist.sources.map((s) => `${text(s.publication)}, ${el('cite', {}, text(s.title))}, ${text(s.date)}`));
    const details = inChecklist.map((r) => {
      const a = r.answer;
      const evidence = evidenceText(a?.evidence);
      const facts: [string, Html][] = [
        ['Question id', code(r.globalId)],
        ['Severity', `${severity(r)} (level ${r.question.level}, effort ${r.question.effort})`],
        ['Answer', text(describeAnswer(r))],
        ...(r.expired ? ([['Expired acceptance', text(`accepted by ${a!.accepted!.by}: ${a!.accepted!.reason}`)]] as [string, Html][]) : []),
        ...(a?.owner ? ([['Owner', text(a.owner)]] as [string, Html][]) : []),
        ...(a?.note ? ([['Note', text(a.note)]] as [string, Html][]) : []),
        ...(evidence ? ([['Evidence', text(evidence)]] as [string, Html][]) : []),
        ['Framework references', text(refsText(r.question.refs) || '—')],
      ];
      return el(
        'article',
        { class: 'gap', id: gaps.anchor(r) },
        el('h4', {}, text(`${gaps.number(r)}. ${r.question.ask}`)),
        el('dl', {}, ...facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
        el('p', { class: 'prose' }, `${strong('Why it matters:')} ${text(r.question.why)}`),
        el('p', { class: 'prose' }, `${strong('Fix:')} ${text(r.question.fix)}`),
      );
    });
    return [intro, ...details];
  });
  return section('details', 'Gap details', condensedNotice(assessment), ...parts);
}

export function acceptedSection(assessment: Assessment): Html {
  const expired = assessment.gaps.filter((r) => r.expired);
  if (assessment.accepted.length === 0 && expired.length === 0) return section('accepted', 'Accepted risks', p('No risks have been accepted.'));
  const rows = (results: QuestionResult[]) =>
    results.map((r): Cell[] => {
      const a = r.answer!.accepted!;
      return [{ html: `${text(r.question.ask)} (${code(r.globalId)})` }, severity(r), STATUS_LABEL[r.status], { text: a.by }, { text: a.reason }, { text: a.until }];
    });
  const headers = (until: string) => ['Question', 'Severity', 'Answer', 'Accepted by', 'Reason', until];
  return section(
    'accepted',
    'Accepted risks',
    assessment.accepted.length === 0
      ? p('No risk acceptance is in force.')
      : p(text(`${plural(assessment.accepted.length, 'gap is', 'gaps are')} covered by a risk acceptance in force on ${assessment.asOf}. They still count in the score, but not as open gaps, and do not cap the grade.`)) +
          table('Risk acceptances in force', headers('Until'), rows(assessment.accepted)),
    expired.length === 0 ? '' : p(text(`${plural(expired.length, 'acceptance')} ran out before ${assessment.asOf}: open again and in the remediation plan.`)) + table('Expired acceptances', headers('Expired after'), rows(expired)),
  );
}

export function notApplicableSection(assessment: Assessment): Html {
  if (assessment.notApplicable.length === 0) return section('not-applicable', 'Not applicable', p('No question was answered not applicable.'));
  const rows = assessment.notApplicable.map((r): Cell[] => [{ html: `${text(r.question.ask)} (${code(r.globalId)})` }, { text: r.answer?.note ?? 'No justification recorded.' }]);
  return section('not-applicable', 'Not applicable', table('Questions answered not applicable', ['Question', 'Justification'], rows));
}

export function unansweredSection(assessment: Assessment, gaps: GapIndex): Html {
  if (assessment.unanswered.length === 0) return section('unanswered', 'Unanswered', p('Every applicable question was answered.'));
  const intro = p(text(`${plural(assessment.unanswered.length, 'question was', 'questions were')} not answered; each counts as a gap until it is.`));
  // Condensed: each is a gap of the plan, answer "not answered"; listing them again would only add size.
  if (gaps.condensed) return section('unanswered', 'Unanswered', intro, p(text(CONDENSED_UNANSWERED_TEXT)));
  const rows = assessment.unanswered.map((r): Cell[] => [{ html: code(r.globalId) }, { text: r.question.ask }, severity(r)]);
  return section('unanswered', 'Unanswered', intro, table('Unanswered questions', ['Question id', 'Question', 'Severity'], rows));
}

export function coverageSection(assessment: Assessment): Html {
  const rows = frameworkCoverage(assessment).map(({ framework, assessed, open }): Cell[] => [
    { html: `${text(FRAMEWORK_LABEL[framework].name)} (${code(framework)})` },
    String(assessed),
    String(open.length),
    { text: open.length ? open.join(', ') : 'none' },
  ]);
  return section(
    'coverage',
    'Coverage by framework',
    p('A control is assessed when at least one applicable question maps to it, and has an open gap when one of those questions is an open gap.'),
    table('Controls by framework', ['Framework', 'Controls assessed', 'With open gaps', 'Controls with open gaps'], rows, [1, 2]),
  );
}

export function appendixSection(assessment: Assessment, gaps: GapIndex): Html {
  const results = byChecklist(assessment.results);
  // Condensed: the answers by question id (an open gap's id links to it); the questions are in the checklists.
  const [headers, row] = gaps.condensed
    ? [['Question id', 'Answer', 'Note'], (r: QuestionResult): Cell[] => [idCell(r, gaps), { text: describeAnswer(r) }, { text: r.answer?.note ?? '—' }]]
    : [['Question id', 'Question', 'Answer', 'Note'], (r: QuestionResult): Cell[] => [{ html: code(r.globalId) }, { text: r.question.ask }, { text: describeAnswer(r) }, { text: r.answer?.note ?? '—' }]];
  const parts = assessment.checklists.map((c, i) => {
    const rows = (results.get(c.checklist) ?? []).map(row);
    return (
      el('h3', { id: anchor('answers', i + 1) }, text(c.checklist.title)) +
      (rows.length ? table(`Answers: ${c.checklist.title}`, headers, rows) : p(text(`No question of this checklist applies at level ${assessment.level} with these answers.`)))
    );
  });
  const intro = `Every question that applies at level ${assessment.level} with these answers, in checklist order${gaps.condensed ? ', by question id' : ''}.`;
  return section('answers', 'Appendix: every answer', p(text(intro)), ...parts);
}

export function methodologySection(assessment: Assessment): Html {
  return section('methodology', 'Methodology', methodologyHtml(assessment.level));
}
