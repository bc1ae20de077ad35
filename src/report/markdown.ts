/**
 * The Markdown report, written for a consultant's client: GitHub-flavoured Markdown that passes
 * markdownlint. Pure: the same assessment always gives byte-identical output (no clock, no I/O).
 *
 * Every string that comes from a checklist or an answers file is untrusted and goes through
 * escapeMarkdown (paragraphs) or escapeMarkdownCell (table cells, list items and headings, which must
 * stay on one line), so a note cannot forge a table column, a heading, HTML, a link or an image;
 * GFM's bare-URL autolinks are defused on top of that (defuseAutolinks).
 */
import { evidenceText } from '../answers/model.js';
import { isStdin } from '../answers/stdin.js';
import { REDACTED_MARKDOWN } from '../redact.js';
import { ANSWER_VALUES, EFFORTS, LEVELS, SEVERITIES } from '../checklist/vocabulary.js';
import type { Effort, Level, Refs } from '../checklist/schema.js';
import type { Comparison } from '../scoring/compare.js';
import { renderComparisonMarkdown } from './comparison.js';
import { FRAMEWORK_LABEL, frameworkCoverage, refsText } from './coverage.js';
import { byChecklist, isGap } from '../scoring/model.js';
import type { Assessment, QuestionResult, Status } from '../scoring/model.js';
import { EFFORT_RANK, GRADE_BANDS, GRADE_CAPS, SEVERITY_WEIGHT, STATUS_RANK, STATUS_VALUE } from '../scoring/score.js';
import { DECISIVE_ANSWERS } from '../scoring/scope.js';
import { defuseWorkflowCommands, escapeMarkdown, escapeMarkdownCell } from '../text.js';
import { SEVERITY_LABEL, STATUS_LABEL, describeAnswer, formatChecklistScore, formatGrade, formatScore, keptInScopeSentences, LESSON_STATES_EXPLAINED, LESSONS_INTRO, scopeStatement, severityCounts } from './common.js';
import { plural } from '../plural.js';
import type { LessonState } from '../scoring/lessons.js';
import { lessonStatus } from '../scoring/lessons.js';
import type { EvidenceReview } from '../evidence/review.js';
import { plannedGaps, plansOwners } from './evidence-text.js';
import { evidenceMarkdown, ownerDueCell } from './markdown-evidence.js';
import type { MarkdownBlocks } from './markdown-evidence.js';
import { roadmap, targetQualifier, windowLabel } from '../scoring/roadmap.js';
import type { RoadmapItem } from '../scoring/roadmap.js';
import { CONDENSED_ROADMAP_HEADERS, CONDENSED_UNANSWERED_TEXT, FULL_DETAIL_GAPS, condensedNoticeText, condensedRoadmapRows, condensedRoadmapText, isCondensed } from './condense.js';

export interface MarkdownOptions {
  /** With `--baseline`: what improved and what regressed since. */
  comparison?: Comparison;
  tool: { name: string; version: string };
  /** The evidence register and what needs re-confirmation (report only). */
  review?: EvidenceReview;
}

export const LEVEL_LABEL: Record<Level, string> = { 1: 'essentials', 2: 'standard', 3: 'advanced' };

export const LESSON_STATE_LABEL: Record<LessonState, string> = {
  open: 'Open',
  accepted: 'Accepted risk',
  closed: 'Addressed',
  'not assessed': 'Not assessed',
};

/** What an empty cell or an item whose text was all control characters shows. */
const NONE = '—';

// ---------------------------------------------------------------------------------------------
// Markdown building blocks. Blocks are joined by exactly one blank line.

/** Untrusted text on one line (table cell, list item, heading); never empty. */
function line(text: string | undefined): string {
  const escaped = text === undefined ? '' : escapeMarkdownCell(text);
  return escaped || NONE;
}

/** Untrusted text as one or more paragraphs (at most one blank line between them); tabs become spaces. */
function paragraphs(text: string): string {
  return escapeMarkdown(text.replace(/\t/g, ' ')) || NONE;
}

/** An identifier in a code span when it is plain (ids are kebab-case), otherwise escaped text. */
function code(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/:-]*$/.test(text) ? `\`${text}\`` : line(text);
}

/** The anchor GitHub (and markdownlint) give a heading of our own words: lower case, punctuation dropped, spaces as hyphens. */
function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

/** A GFM table; every cell must already be one line of safe Markdown. */
function table(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ('left' | 'right')[]): string {
  const row = (cells: readonly string[]) => {
    if (cells.length !== headers.length) throw new Error(`table row has ${cells.length} cells, expected ${headers.length}`);
    return `| ${cells.map((c) => (c.includes('\n') ? c.replace(/\s+/g, ' ') : c) || NONE).join(' | ')} |`;
  };
  const delimiter = `| ${headers.map((_, i) => (align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [row(headers), delimiter, ...rows.map(row)].join('\n');
}

function bulletList(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

function numberedList(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Shared formats.

/** `CSF PR.AA-01, PR.AA-05; CIS 5.2; ISO A.5.17; 800-53 IA-5(1)`, escaped for a cell. */
function formatRefs(refs: Refs): string {
  const text = refsText(refs);
  return text ? line(text) : NONE;
}

export { compareControlIds } from './coverage.js';

/** The answer with its acceptance state, escaped (the acceptance date comes from the answers file). */
function answerText(r: QuestionResult): string {
  return line(describeAnswer(r));
}

function severityText(r: QuestionResult): string {
  return SEVERITY_LABEL[r.question.severity];
}

/** Question text with its global id: `Is MFA on? (\`privileged-access/admin-mfa\`)`. */
function questionCell(r: QuestionResult): string {
  return `${line(r.question.ask)} (${code(r.globalId)})`;
}

/** The target date and where it comes from. */
function dueText(item: RoadmapItem): string {
  return item.target === undefined ? NONE : `${line(item.target)}${targetQualifier(item)}`;
}

/** The blocks the evidence sections are built with (markdown-evidence.ts). */
const MARKDOWN_BLOCKS: MarkdownBlocks = { line, heading, table, code };

// ---------------------------------------------------------------------------------------------

/** Renders the assessment as a Markdown report. */
export function renderMarkdown(assessment: Assessment, options: MarkdownOptions): string {
  const blocks: string[] = [];
  const add = (...items: string[]) => blocks.push(...items);
  const gapNumber = new Map(assessment.openGaps.map((r, i) => [r, i + 1]));
  // A large report gives the why and fix of the most urgent gaps only (condense.ts).
  const condensed = isCondensed(assessment);
  const detailed = condensed ? assessment.openGaps.slice(0, FULL_DETAIL_GAPS) : assessment.openGaps;
  const openGapsByChecklist = byChecklist(detailed);
  const planItems = roadmap(assessment);
  const resultsByChecklist = byChecklist(assessment.results);

  // Title and metadata.
  add(heading(1, assessment.organization && line(assessment.organization) !== NONE ? `Security readiness report: ${line(assessment.organization)}` : 'Security readiness report'));
  add(
    bulletList([
      `**Organization:** ${assessment.organization === undefined ? 'not stated' : line(assessment.organization)}`,
      `**Assessor:** ${assessment.assessor === undefined ? 'not stated' : line(assessment.assessor)}`,
      `**Answers dated:** ${assessment.date === undefined ? 'not stated' : line(assessment.date)}`,
      `**As of:** ${line(assessment.asOf)} (the day risk acceptances are judged on)`,
      `**Level:** ${assessment.level} (${LEVEL_LABEL[assessment.level]})`,
      `**Answers file:** ${assessment.answersFile === undefined ? 'none' : isStdin(assessment.answersFile) ? 'standard input' : line(assessment.answersFile)}`,
      `**Generated by:** ${line(`${options.tool.name} ${options.tool.version}`)}`,
      ...(assessment.redacted ? [REDACTED_MARKDOWN] : []),
    ]),
  );

  const sections: [string, () => void][] = [
    ['Executive summary', renderSummary],
    ...(options.comparison ? [['Since the baseline', () => add(renderComparisonMarkdown(options.comparison!).trimEnd())] as [string, () => void]] : []),
    ['Lessons from the Sony Pictures breach', renderLessons],
    ['Scores by checklist', renderScores],
    ['Roadmap', renderRoadmap],
    ['Remediation plan', renderPlan],
    ['Gap details', renderDetails],
    ['Accepted risks', renderAccepted],
    ...evidenceMarkdown(MARKDOWN_BLOCKS, options.review).map(({ title, blocks }): [string, () => void] => [title, () => add(...blocks)]),
    ['Not applicable', renderNotApplicable],
    ['Unanswered', renderUnanswered],
    ['Coverage by framework', renderCoverage],
    ['Appendix: every answer', renderAppendix],
    ['Methodology', renderMethodology],
  ];
  add(heading(2, 'Contents'));
  add(numberedList(sections.map(([title]) => `[${title}](#${slug(title)})`)));
  for (const [, render] of sections) render();

  // Escaping already breaks `::` at a line start; this also covers lines made by wrapping or joins.
  return defuseWorkflowCommands(`${blocks.join('\n\n')}\n`, (indent) => `${indent}\\::`);

  /** A link to a gap's details (its heading is `Gap N`); only its number when a condensed report gives it no details. */
  function gapLink(r: QuestionResult): string {
    const n = gapNumber.get(r)!;
    return n <= detailed.length ? `[gap ${n}](#gap-${n})` : `gap ${n}`;
  }

  /** Said where a condensed report leaves something out. */
  function addCondensedNotice(): void {
    if (condensed) add(`**A large report:** ${line(condensedNoticeText(assessment))}`);
  }

  function renderSummary(): void {
    const k = assessment.counts;
    const open = assessment.openGaps.length;
    add(heading(2, 'Executive summary'));
    add(
      bulletList([
        `**Score:** ${assessment.score === null ? 'n/a (no applicable question could be scored)' : `${formatScore(assessment.score)} out of 100`}`,
        `**Grade:** ${formatGrade(assessment)}`,
        `**Open gaps:** ${open === 0 ? 'none' : `${open} (${severityCounts(assessment.openBySeverity)})`}`,
        `**Accepted risks:** ${k.accepted} in force, ${k.expired} expired${k.expired > 0 ? ' (expired acceptances count as open gaps again)' : ''}`,
        `**Answered:** ${k.applicable - k.unanswered} of ${plural(k.applicable, 'applicable question')}` +
          (k.scoping ? `, and ${k.scoping - k.scopingUnanswered} of ${plural(k.scoping, 'scoping question')} (not scored)` : ''),
      ]),
    );
    const kept = keptInScopeSentences(assessment.scope);
    if (kept.length) add(`**Kept in scope.** ${kept.map(line).join(' ')}`);
    add(`**Scope and limits.** ${scopeStatement(assessment).join(' ')}`);
    addCondensedNotice();
    if (open === 0) {
      add('No open gaps.');
      return;
    }
    const top = assessment.openGaps.slice(0, 3);
    add(top.length === 1 ? 'The most urgent fix:' : `The ${top.length} most urgent fixes:`);
    add(numberedList(top.map((r) => `**${severityText(r)}:** ${line(r.question.ask)} Answer: ${answerText(r)}. What to do: ${gapLink(r)}.`)));
  }

  function renderLessons(): void {
    add(heading(2, 'Lessons from the Sony Pictures breach'));
    add(LESSONS_INTRO);
    const rows = lessonStatus(assessment).map(({ lesson, status }) => [
      `**${line(lesson.failure)}:** ${line(lesson.description)}`,
      line(lesson.sources.map((s) => `${s.publication} (${s.date})`).join('; ') + (lesson.basis === 'implied' ? '; implied' : '')),
      LESSON_STATE_LABEL[status],
    ]);
    add(table(['Failure', 'Source', 'Status here'], rows));
    add(LESSON_STATES_EXPLAINED);
  }

  function renderScores(): void {
    add(heading(2, 'Scores by checklist'));
    if (assessment.checklists.length === 0) {
      add('No checklists were loaded.');
      return;
    }
    add(
      table(
        ['Checklist', 'Score', 'Applicable', 'Answered', 'Open gaps'],
        assessment.checklists.map((c) => [line(c.checklist.title), formatChecklistScore(c), String(c.applicable), String(c.answered), String(c.openGaps)]),
        ['left', 'right', 'right', 'right', 'right'],
      ),
    );
  }

  function renderRoadmap(): void {
    add(heading(2, 'Roadmap'));
    if (planItems.length === 0) {
      add('No open gaps.');
      return;
    }
    add(
      'Every open gap placed in a time window by its severity and effort: critical gaps within 30 days, a quick fix one window sooner, a large one a window later. ' +
        "The due date is the answers file's own `due` where it gives one, otherwise the end of the window counted from the as-of date.",
    );
    if (condensed) {
      // Thousands of rows would repeat the plan: the windows are counted here, each gap's due date is in the plan.
      add(condensedRoadmapText(planItems.length));
      add(table(CONDENSED_ROADMAP_HEADERS, condensedRoadmapRows(planItems), ['left', 'right', 'right', 'right', 'right', 'right']));
      return;
    }
    add(
      table(
        ['Window', 'Gap', 'Severity', 'Finding', 'Effort', 'Owner', 'Due'],
        planItems.map((item) => [
          windowLabel(item.window),
          gapLink(item.result),
          severityText(item.result),
          line(item.result.question.ask),
          item.result.question.effort,
          line(item.result.answer?.owner),
          dueText(item),
        ]),
      ),
    );
  }

  function renderPlan(): void {
    add(heading(2, 'Remediation plan'));
    if (assessment.openGaps.length === 0) {
      add('No open gaps.');
      return;
    }
    add(`Open gaps in priority order: most severe first, then the weakest answers, then the quickest fixes.${condensed ? '' : ' Each links to its details and fix.'}`);
    if (condensed) {
      addCondensedNotice();
      add(
        table(
          ['Gap', 'Severity', 'Finding', 'Effort', 'Due', 'Owner'],
          planItems.map((item) => [gapLink(item.result), severityText(item.result), `${questionCell(item.result)} Answer: ${answerText(item.result)}.`, item.result.question.effort, dueText(item), line(item.result.answer?.owner)]),
        ),
      );
      return;
    }
    // Owners and due dates get a column when the answers name any.
    const planned = plansOwners(assessment) ? plannedGaps(assessment) : undefined;
    add(
      table(
        ['Gap', 'Severity', 'Finding', 'Effort', 'Framework refs', ...(planned ? ['Owner and due'] : [])],
        assessment.openGaps.map((r) => [
          gapLink(r),
          severityText(r),
          `${questionCell(r)} Answer: ${answerText(r)}.`,
          r.question.effort,
          formatRefs(r.question.refs),
          ...(planned ? [ownerDueCell(MARKDOWN_BLOCKS, r, planned.get(r))] : []),
        ]),
      ),
    );
  }

  function renderDetails(): void {
    add(heading(2, 'Gap details'));
    if (assessment.openGaps.length === 0) {
      add('No open gaps.');
      return;
    }
    addCondensedNotice();
    for (const c of assessment.checklists) {
      const gaps = openGapsByChecklist.get(c.checklist) ?? [];
      if (gaps.length === 0) continue;
      add(heading(3, line(c.checklist.title)));
      add(`**What happened at Sony Pictures:** ${paragraphs(c.checklist.lesson)}`);
      add('Sources:', bulletList(c.checklist.sources.map((s) => `${line(s.publication)}, *${line(s.title)}*, ${line(s.date)}`)));
      for (const r of gaps) {
        add(heading(4, `Gap ${gapNumber.get(r)}`));
        const a = r.answer;
        const evidence = evidenceText(a?.evidence);
        add(
          `**Question:** ${line(r.question.ask)}`,
          bulletList([
            `**Question id:** ${code(r.globalId)}`,
            `**Severity:** ${severityText(r)} (level ${r.question.level}, effort ${r.question.effort})`,
            `**Answer:** ${answerText(r)}`,
            ...(r.expired ? [`**Expired acceptance:** accepted by ${line(a!.accepted!.by)}: ${line(a!.accepted!.reason)}`] : []),
            ...(a?.owner ? [`**Owner:** ${line(a.owner)}`] : []),
            ...(a?.note ? [`**Note:** ${line(a.note)}`] : []),
            ...(evidence ? [`**Evidence:** ${line(evidence)}`] : []),
            `**Framework references:** ${formatRefs(r.question.refs)}`,
          ]),
        );
        add(`**Why it matters:** ${paragraphs(r.question.why)}`);
        add(`**Fix:** ${paragraphs(r.question.fix)}`);
      }
    }
  }

  function renderAccepted(): void {
    add(heading(2, 'Accepted risks'));
    const expired = assessment.gaps.filter((r) => r.expired);
    if (assessment.accepted.length === 0 && expired.length === 0) {
      add('No risks have been accepted.');
      return;
    }
    const rows = (results: QuestionResult[]) =>
      results.map((r) => {
        const a = r.answer!.accepted!;
        return [questionCell(r), severityText(r), STATUS_LABEL[r.status], line(a.by), line(a.reason), line(a.until)];
      });
    if (assessment.accepted.length === 0) add('No risk acceptance is in force.');
    else {
      add(
        `${plural(assessment.accepted.length, 'gap is', 'gaps are')} covered by a risk acceptance in force on ${line(assessment.asOf)}. ` +
          'They still count in the score, but not as open gaps, and do not cap the grade.',
      );
      add(table(['Question', 'Severity', 'Answer', 'Accepted by', 'Reason', 'Until'], rows(assessment.accepted)));
    }
    if (expired.length > 0) {
      add(
        `**Expired:** ${plural(expired.length, 'acceptance', 'acceptances')} ran out before ${line(assessment.asOf)}. ` +
          `${expired.length === 1 ? 'This gap is' : 'These gaps are'} open again and listed in the remediation plan.`,
      );
      add(table(['Question', 'Severity', 'Answer', 'Accepted by', 'Reason', 'Expired after'], rows(expired)));
    }
  }

  function renderNotApplicable(): void {
    add(heading(2, 'Not applicable'));
    if (assessment.notApplicable.length === 0) {
      add('No question was answered not applicable.');
      return;
    }
    add(
      table(
        ['Question', 'Justification'],
        assessment.notApplicable.map((r) => [questionCell(r), r.answer?.note ? line(r.answer.note) : 'No justification recorded.']),
      ),
    );
  }

  function renderUnanswered(): void {
    add(heading(2, 'Unanswered'));
    if (assessment.unanswered.length === 0) {
      add('Every applicable question was answered.');
      return;
    }
    add(`${plural(assessment.unanswered.length, 'question was', 'questions were')} not answered; each counts as a gap until it is.`);
    // Condensed: each is a gap of the plan, answer "not answered"; listing them again would only add size.
    if (condensed) {
      add(CONDENSED_UNANSWERED_TEXT);
      return;
    }
    add(bulletList(assessment.unanswered.map((r) => `${questionCell(r)}, ${severityText(r).toLowerCase()}`)));
  }

  function renderCoverage(): void {
    add(heading(2, 'Coverage by framework'));
    add(
      'A control is assessed when at least one applicable question maps to it, and has an open gap when one of those questions is an open gap.',
    );
    const rows = frameworkCoverage(assessment).map(({ framework, assessed, open }) => [
      `${FRAMEWORK_LABEL[framework].name} (${code(framework)})`,
      String(assessed),
      String(open.length),
      open.length > 0 ? line(open.join(', ')) : 'none',
    ]);
    add(table(['Framework', 'Controls assessed', 'With open gaps', 'Controls with open gaps'], rows, ['left', 'right', 'right', 'left']));
  }

  function renderAppendix(): void {
    add(heading(2, 'Appendix: every answer'));
    if (assessment.checklists.length === 0) {
      add('No checklists were loaded.');
      return;
    }
    add(`Every question that applies at level ${assessment.level} with these answers, in checklist order${condensed ? ', by question id' : ''}.`);
    for (const c of assessment.checklists) {
      add(heading(3, `Answers: ${line(c.checklist.title)}`));
      const results = resultsByChecklist.get(c.checklist) ?? [];
      if (results.length === 0) {
        add(`No question of this checklist applies at level ${assessment.level} with these answers.`);
        continue;
      }
      const note = (r: QuestionResult) => (r.answer?.note ? line(r.answer.note) : NONE);
      add(
        condensed
          ? table(['Question id', 'Answer', 'Note'], results.map((r) => [code(r.globalId), answerText(r), note(r)]))
          : table(['Question id', 'Question', 'Answer', 'Note'], results.map((r) => [code(r.globalId), line(r.question.ask), answerText(r), note(r)])),
      );
    }
  }

  function renderMethodology(): void {
    add(heading(2, 'Methodology'));
    add(methodology(assessment.level));
  }
}

// ---------------------------------------------------------------------------------------------
// The methodology, generated from the scoring constants so that it cannot drift from score().

/** The gap answers in the order byPriority ranks them. */
function gapStatusOrder(): Status[] {
  return (Object.keys(STATUS_VALUE) as Status[]).filter((s) => isGap({ value: STATUS_VALUE[s] })).sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b]);
}

/** Efforts in the order byPriority ranks them. */
function effortOrder(): Effort[] {
  return [...EFFORTS].sort((a, b) => EFFORT_RANK[a] - EFFORT_RANK[b]);
}

/** Answers that keep dependent questions in scope: every answer that is not decisive. */
const INDEFINITE = ANSWER_VALUES.filter((v) => !DECISIVE_ANSWERS.includes(v));

export function methodology(level: Level): string {
  const statuses = Object.keys(STATUS_VALUE) as Status[];
  const valueRows = statuses.map((s) => {
    const value = STATUS_VALUE[s];
    return [STATUS_LABEL[s], value === null ? 'excluded from the score' : String(value)];
  });
  const weightRows = SEVERITIES.map((s) => [SEVERITY_LABEL[s], String(SEVERITY_WEIGHT[s])]);
  const bandRows = GRADE_BANDS.map(([grade, min], i) => {
    const upper = i > 0 ? GRADE_BANDS[i - 1]![1] : undefined;
    return [grade, upper === undefined ? `${min} or more` : min === 0 ? `below ${upper}` : `${min} to below ${upper}`];
  });
  const levels = LEVELS.map((l) => `${l} ${LEVEL_LABEL[l]}`).join(', ');
  const gapStatuses = gapStatusOrder();
  const caps = GRADE_CAPS.map(({ severity, atLeast, grade }) =>
    atLeast === 1 ? `an open ${severity} gap caps the grade at ${grade}` : `${atLeast} or more open ${severity} gaps cap it at ${grade}`,
  );

  return [
    `**Applicability.** Each question has a level (${levels}). A question applies when its level is at most the selected level (${level} here) and its \`when\` condition holds. ` +
      'A `when` condition names another question of the same checklist, usually a scoping question such as "do you run brand social media accounts?", and the answers that make this one apply. ' +
      `Only a decisive answer (${DECISIVE_ANSWERS.map((v) => STATUS_LABEL[v]).join(' or ')}) can switch a question off: when the named question is unanswered or answered ${INDEFINITE.map((v) => STATUS_LABEL[v]).join(', ')}, ` +
      "nothing proves the organisation lacks the thing, so the question stays in scope, is asked and is scored. The named question's own condition must hold too; a condition on a question the checklist does not have is ignored. " +
      'Questions that do not apply are left out of everything below, and answers to them are ignored (a warning says how many).',
    '**Scoping questions** only decide what applies: they are never scored and never a gap, so they are not counted among the applicable questions in the scores table.',
    '**Answer values.** Each applicable question gets a value from its answer:',
    table(['Answer', 'Value'], valueRows, ['left', 'right']),
    '**Weights.** Each question is weighted by its severity:',
    table(['Severity', 'Weight'], weightRows, ['left', 'right']),
    '**Score.** score = 100 × Σ(weight × value) ÷ Σ(weight), summed over the applicable questions, leaving out those answered not applicable. ' +
      'When no such question remains the score is n/a. Each checklist is scored the same way over its own questions. Scores are shown to one decimal; grades use the unrounded score, and a minimum score set for CI is checked against the score as shown.',
    `**Gaps.** A gap is an applicable question whose value is below 1: ${gapStatuses.map((s) => STATUS_LABEL[s]).join(', ')}. ` +
      `Gaps are listed by severity (${SEVERITIES.join(', ')}), then by answer (${gapStatuses.map((s) => STATUS_LABEL[s]).join(', ')}), ` +
      `then by effort (${effortOrder().join(', ')}: quick wins first), then in checklist and question order.`,
    '**Accepted risks.** A gap whose risk acceptance runs until the as-of date or later is an accepted risk: it still counts in the score, ' +
      'but it is not an open gap and does not cap the grade. Once the as-of date is past its `until` date the acceptance has expired and the gap is open again.',
    '**Grades.** The score falls in a band:',
    table(['Grade', 'Score'], bandRows),
    `The grade is then capped by open gaps: ${caps.join('; ')}. When the score is n/a so is the grade.`,
    '**Calibration.** The grade is meant to rank real risk, so severities follow one rule. ' +
      '*Critical* is kept for the handful of practices whose absence alone opens the way to an organisation-wide breach or an unrecoverable loss, such as multi-factor sign-in for every account and offline backups; ' +
      '*high* marks gaps attackers routinely use or that make a breach much worse; *medium* marks preparation and process; scoping questions are *low* and never scored. ' +
      'Checklists carry no weight of their own: a domain counts only through the severities of its questions, and each practice is asked once, so none is counted twice. ' +
      'Scoping questions take out what an organisation does not have (public services, its own directory, software development, unreleased content, customer logins) instead of asking for "not applicable". ' +
      'So one missing critical practice keeps the grade at D or below and one missing high practice at B or below, while a missing medium practice only lowers the score.',
  ].join('\n\n');
}
