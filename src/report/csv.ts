/**
 * CSV for spreadsheets and trackers: the remediation plan (`-o plan.csv`, one row per open gap in
 * priority order) and every answer (`-o all.answers.csv`). RFC 4180 (quoted where needed, CRLF),
 * UTF-8 with a byte-order mark, one header row, one line per record. The columns are declared once below: the README's
 * tables come from them too (a test pins it).
 *
 * A cell that a spreadsheet could run as a formula (starting with =, +, -, @, tab or carriage
 * return) gets a leading single quote, as OWASP recommends. Pure and deterministic.
 */
import { evidenceText } from '../answers/model.js';
import type { Framework } from '../checklist/schema.js';
import type { Assessment, QuestionResult } from '../scoring/model.js';
import { roadmap, windowLabel } from '../scoring/roadmap.js';
import type { RoadmapItem } from '../scoring/roadmap.js';
import { stripForMachines } from '../text.js';
import { describeAnswer } from './common.js';

export interface Column<Row> {
  header: string;
  /** What the column holds, for the README. */
  about: string;
  value: (row: Row) => string | number | undefined;
}

/** `nist-csf-2: PR.AA-01, PR.AA-03; cis-v8: 6.5`. */
function refsText(result: QuestionResult): string {
  return (Object.entries(result.question.refs) as [Framework, string[] | undefined][])
    .filter(([, ids]) => ids?.length)
    .map(([framework, ids]) => `${framework}: ${ids!.join(', ')}`)
    .join('; ');
}

export interface PlanRow {
  priority: number;
  item: RoadmapItem;
}

export const PLAN_COLUMNS: readonly Column<PlanRow>[] = [
  { header: 'priority', about: '1 = most urgent (severity, then answer, then effort)', value: (r) => r.priority },
  { header: 'severity', about: 'critical, high, medium or low', value: (r) => r.item.result.question.severity },
  { header: 'id', about: 'question id, `<checklist>/<question>`', value: (r) => r.item.result.globalId },
  { header: 'question', about: 'the question asked', value: (r) => r.item.result.question.ask },
  { header: 'answer', about: 'the answer, with an expired risk acceptance', value: (r) => describeAnswer(r.item.result) },
  { header: 'note', about: "the answer's note", value: (r) => r.item.result.answer?.note },
  { header: 'owner', about: "the answer's owner", value: (r) => r.item.result.answer?.owner },
  { header: 'due', about: "the answer's due date (YYYY-MM-DD)", value: (r) => r.item.result.answer?.due },
  { header: 'window', about: 'roadmap window: within 30, 60 or 90 days, or later', value: (r) => windowLabel(r.item.window) },
  { header: 'target', about: 'target date: the due date, else the end of the window (none for later)', value: (r) => r.item.target },
  { header: 'overdue', about: '`yes` when the due date is before the as-of date', value: (r) => (r.item.overdue ? 'yes' : '') },
  { header: 'effort', about: 'effort to close the gap: low, medium or high', value: (r) => r.item.result.question.effort },
  { header: 'fix', about: 'remediation steps', value: (r) => r.item.result.question.fix },
  { header: 'refs', about: 'framework controls, `framework: id, id; framework: id`', value: (r) => refsText(r.item.result) },
];

export const ANSWER_COLUMNS: readonly Column<QuestionResult>[] = [
  { header: 'id', about: 'question id, `<checklist>/<question>`', value: (r) => r.globalId },
  { header: 'checklist', about: 'checklist id', value: (r) => r.checklist.id },
  { header: 'question', about: 'the question asked', value: (r) => r.question.ask },
  { header: 'severity', about: 'critical, high, medium or low', value: (r) => r.question.severity },
  { header: 'level', about: '1, 2 or 3', value: (r) => r.question.level },
  { header: 'answer', about: 'yes, partial, no, unknown, na or unanswered', value: (r) => r.status },
  { header: 'note', about: "the answer's note", value: (r) => r.answer?.note },
  { header: 'evidence', about: 'links, files or the text given as evidence, `; `-separated', value: (r) => evidenceText(r.answer?.evidence) },
  { header: 'answered', about: 'when it was answered (YYYY-MM-DD)', value: (r) => r.answer?.answered },
  { header: 'by', about: 'who answered', value: (r) => r.answer?.by },
  { header: 'owner', about: 'who owns the control or its fix', value: (r) => r.answer?.owner },
  { header: 'due', about: 'target date for closing the gap', value: (r) => r.answer?.due },
  { header: 'accepted until', about: 'end of a risk acceptance, when the answer has one', value: (r) => r.answer?.accepted?.until },
  { header: 'accepted by', about: 'who accepted the risk', value: (r) => r.answer?.accepted?.by },
  { header: 'refs', about: 'framework controls, `framework: id, id; framework: id`', value: (r) => refsText(r) },
];

/** Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: control characters removed, on one line (a line of its own could start a workflow
 * command when the file is printed in CI, and trackers want one line per record), formula starts
 * defused, quoted when RFC 4180 needs it.
 */
export function csvCell(value: string | number | undefined): string {
  const text = stripForMachines(String(value ?? ''))
    .replace(/\s+/g, ' ')
    .trim();
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: byte-order mark, header row, rows, CRLF after every record. */
function csvDocument<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const record = (cells: (string | number | undefined)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return `\ufeff${record(columns.map((c) => c.header))}${rows.map((row) => record(columns.map((c) => c.value(row)))).join('')}`;
}

/** The remediation plan: every open gap, most urgent first, with its roadmap window. */
export function renderPlanCsv(assessment: Assessment): string {
  return csvDocument(
    PLAN_COLUMNS,
    roadmap(assessment).map((item, index) => ({ priority: index + 1, item })),
  );
}

/** Every applicable question with its answer (unanswered ones too), in checklist order. */
export function renderAnswersCsv(assessment: Assessment): string {
  return csvDocument(ANSWER_COLUMNS, assessment.results);
}

/** A Markdown table of a column list, for the README (a test compares it). */
export function columnTable(columns: readonly Column<never>[]): string {
  return ['| column | holds |', '| --- | --- |', ...columns.map((c) => `| \`${c.header}\` | ${c.about} |`)].join('\n');
}
