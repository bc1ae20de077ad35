/**
 * When a report is too large to read whole: above FULL_DETAIL_GAPS open gaps, the HTML and Markdown
 * reports give the why and fix of the most urgent gaps only, and list the others by question in the
 * plan (the CSV and JSON reports keep everything). One rule for both, and the words that say so.
 */
import { SEVERITIES } from '../checklist/vocabulary.js';
import type { Assessment } from '../scoring/model.js';
import { ROADMAP_WINDOWS, windowLabel } from '../scoring/roadmap.js';
import type { RoadmapItem } from '../scoring/roadmap.js';
import { SEVERITY_LABEL, STATUS_LABEL } from './common.js';

/** How many open gaps get their why and fix in full before a report is condensed. */
export const FULL_DETAIL_GAPS = 500;

export const isCondensed = (assessment: Pick<Assessment, 'openGaps'>): boolean => assessment.openGaps.length > FULL_DETAIL_GAPS;

/** Said in the report itself (plain text: each format sets it in its own way). */
export function condensedNoticeText(assessment: Pick<Assessment, 'openGaps'>): string {
  return `with ${assessment.openGaps.length} open gaps, the why and fix of the ${FULL_DETAIL_GAPS} most urgent are in the gap details, and the plan lists every gap by question with its answer, effort, due date and owner. The CSV and JSON reports (-o plan.csv, -o report.json) have every fix.`;
}

/** A condensed roadmap: one row per window, its open gaps counted by severity, then the total. */
export const CONDENSED_ROADMAP_HEADERS = ['Window', ...SEVERITIES.map((s) => SEVERITY_LABEL[s]), 'Total'];
export function condensedRoadmapRows(items: readonly RoadmapItem[]): string[][] {
  return ROADMAP_WINDOWS.map((window) => {
    const these = items.filter((item) => item.window === window);
    return [windowLabel(window), ...SEVERITIES.map((s) => String(these.filter((item) => item.result.question.severity === s).length)), String(these.length)];
  });
}

export const condensedRoadmapText = (open: number) => `With ${open} open gaps, the roadmap counts them in each window; the plan gives each gap's due date and owner.`;
export const CONDENSED_UNANSWERED_TEXT = `Each is in the remediation plan, its answer “${STATUS_LABEL.unanswered}”, and in the appendix.`;

/** The one stderr line when an HTML, PDF or Markdown output is condensed, or undefined when it is whole. */
export function condensedNote(assessment: Pick<Assessment, 'openGaps'>): string | undefined {
  if (!isCondensed(assessment)) return undefined;
  const open = assessment.openGaps.length;
  return `note: ${open} open gaps: the HTML and Markdown reports give the why and fix of the ${FULL_DETAIL_GAPS} most urgent and list the other ${open - FULL_DETAIL_GAPS} in their plan; the CSV and JSON reports have every fix`;
}
