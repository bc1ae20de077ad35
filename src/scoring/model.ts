/** The assessment: everything a report shows, computed once by score() and never mutated. */
import type { Answer } from '../answers/model.js';
import type { Checklist, Level, Question, Severity } from '../checklist/schema.js';
import type { ScopeSummary } from './scope.js';

/** An answer's states; `unanswered` covers null and missing. */
export const STATUSES = ['yes', 'partial', 'no', 'unknown', 'unanswered', 'na'] as const;
export type Status = (typeof STATUSES)[number];

export interface QuestionResult {
  globalId: string;
  checklist: Checklist;
  question: Question;
  status: Status;
  /** 1, 0.5 or 0; null for na (excluded from the score). */
  value: number | null;
  answer?: Answer;
  /** A gap whose risk acceptance is still in force on the as-of date. */
  accepted: boolean;
  /** A gap whose risk acceptance ran out before the as-of date. */
  expired: boolean;
}

export interface ChecklistScore {
  checklist: Checklist;
  /** 0-100, or null when no applicable, non-na question remains. */
  score: number | null;
  /** Applicable scored questions (scoping questions are not scored, so not counted). */
  applicable: number;
  answered: number;
  gaps: number;
  openGaps: number;
}

export interface StaleChecklist {
  checklist: Checklist;
  answeredVersion: string;
  unanswered: QuestionResult[];
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface Assessment {
  asOf: string;
  level: Level;
  organization?: string;
  assessor?: string;
  date?: string;
  answersFile?: string;
  /** Scored from redacted answers (redact.ts): every report says so. */
  redacted: boolean;
  score: number | null;
  grade: Grade | null;
  /** Why the grade is lower than the score alone would give, if it is. */
  gradeCap?: string;
  checklists: ChecklistScore[];
  /** Every applicable question in checklist and question order. */
  results: QuestionResult[];
  /** Every gap (value < 1), accepted or not, in priority order. */
  gaps: QuestionResult[];
  /** Gaps not covered by an acceptance in force: what fails a policy. */
  openGaps: QuestionResult[];
  /** Gaps covered by an acceptance in force. */
  accepted: QuestionResult[];
  unanswered: QuestionResult[];
  notApplicable: QuestionResult[];
  /** Checklists updated since the answers were given, with their new unanswered questions. */
  stale: StaleChecklist[];
  /** What scoping questions did: checklists kept in scope by an indefinite answer, answers set aside. */
  scope: ScopeSummary;
  /**
   * Scored questions by status (scoping questions excluded, as from the score), accepted and
   * expired risks, and the scoping questions apart.
   */
  counts: Record<Status, number> & { applicable: number; accepted: number; expired: number; scoping: number; scopingUnanswered: number };
  openBySeverity: Record<Severity, number>;
}

/** A gap: scored, and short of a full yes (accepted or not). */
export function isGap(result: Pick<QuestionResult, 'value'>): boolean {
  return result.value !== null && result.value < 1;
}

/** Results grouped by checklist in one pass (order kept): per-checklist filtering would be quadratic. */
export function byChecklist(results: readonly QuestionResult[]): Map<Checklist, QuestionResult[]> {
  const groups = new Map<Checklist, QuestionResult[]>();
  for (const result of results) {
    const group = groups.get(result.checklist);
    if (group) group.push(result);
    else groups.set(result.checklist, [result]);
  }
  return groups;
}
