/** Labels and number formats shared by the human-readable renderers. */
import type { Severity } from '../checklist/schema.js';
import type { Assessment, QuestionResult, Status } from '../scoring/model.js';

export const STATUS_LABEL: Record<Status, string> = {
  yes: 'yes',
  partial: 'partly',
  no: 'no',
  unknown: "don't know",
  unanswered: 'unanswered',
  na: 'not applicable',
};

export const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** One decimal, as the reports promise. */
export const oneDecimal = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/** `54.3` or `n/a`. */
export function formatScore(score: number | null): string {
  return oneDecimal(score)?.toFixed(1) ?? 'n/a';
}

/** `B`, `D (capped: 2 open critical gaps)`, or `n/a`. */
export function formatGrade(assessment: Assessment): string {
  if (assessment.grade === null) return 'n/a';
  return assessment.gradeCap ? `${assessment.grade} (${assessment.gradeCap})` : assessment.grade;
}

/** `Not answered.` or `Answered: No.`, as the machine-readable reports put it. */
export function answerSentence(result: QuestionResult): string {
  return result.status === 'unanswered' ? 'Not answered.' : `Answered: ${STATUS_LABEL[result.status]}.`;
}

/** What the answer says, with the acceptance state: `no (accepted until 2027-03-31)`. */
export function describeAnswer(result: QuestionResult): string {
  const base = STATUS_LABEL[result.status];
  if (result.accepted) return `${base}, risk accepted until ${result.answer!.accepted!.until}`;
  if (result.expired) return `${base}, risk acceptance expired ${result.answer!.accepted!.until}`;
  return base;
}

/** `1 critical, 3 high, 0 medium, 2 low`. */
export function severityCounts(counts: Record<Severity, number>): string {
  return (['critical', 'high', 'medium', 'low'] as const).map((s) => `${counts[s]} ${s}`).join(', ');
}

/** Splits text into lines of at most `width` characters on word boundaries. */
export function wrap(text: string, requestedWidth: number): string[] {
  // A terminal can report 0 columns; never wrap narrower than this (and never loop on it).
  const width = Math.max(20, requestedWidth || 80);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
      while (line.length > width) {
        lines.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    lines.push(line);
  }
  return lines;
}
