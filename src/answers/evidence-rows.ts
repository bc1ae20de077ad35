/** The evidence an answers file records, one row per item in checklist order, and its text table. */
import type { Catalog } from '../catalog.js';
import { shortHash } from '../evidence/review.js';
import { defuseForTerminal, terminalLine } from '../text.js';
import { isExpired } from './freshness.js';
import { itemText } from './model.js';
import type { Answers, EvidenceItem } from './model.js';

export interface EvidenceRow {
  question: string;
  /** A web page, a file kept with the answers, or the shorthand's words. */
  kind: 'link' | 'file' | 'text';
  item: string;
  sha256?: string;
  collected?: string;
  expires?: string;
  status: 'current' | 'expired';
}

/** Every evidence item of the applicable and other answered questions, in checklist order. */
export function evidenceRows(catalog: Catalog, answers: Answers, asOf: string): EvidenceRow[] {
  return catalog.entries.flatMap((entry) => (answers.answers.get(entry.globalId)?.evidence ?? []).map((item) => rowOf(entry.globalId, item, asOf)));
}

function rowOf(question: string, item: EvidenceItem, asOf: string): EvidenceRow {
  const kind = item.href !== undefined ? 'link' : item.path !== undefined ? 'file' : 'text';
  return {
    question,
    kind,
    item: itemText(item),
    ...(item.sha256 === undefined ? {} : { sha256: item.sha256 }),
    ...(item.collected === undefined ? {} : { collected: item.collected }),
    ...(item.expires === undefined ? {} : { expires: item.expires }),
    status: isExpired(item, asOf) ? 'expired' : 'current',
  };
}

/** The rows as an aligned table for a terminal; text from the file is put on one line, stripped of control sequences. */
export function renderEvidenceTable(rows: readonly EvidenceRow[]): string {
  const header = ['QUESTION', 'KIND', 'ITEM', 'SHA256', 'COLLECTED', 'EXPIRES', 'STATUS'];
  const cells = rows.map((row) => [
    terminalLine(row.question),
    row.kind,
    terminalLine(row.item),
    (row.sha256 === undefined ? '-' : shortHash(row.sha256)),
    row.collected ?? '-',
    row.expires ?? '-',
    row.status,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: string[]) => values.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd();
  return defuseForTerminal(`${[line(header), ...cells.map(line)].join('\n')}\n`);
}
