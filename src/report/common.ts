/** Labels and number formats shared by the human-readable renderers. */
import type { Severity } from '../checklist/schema.js';
import type { Assessment, ChecklistScore, QuestionResult, Status } from '../scoring/model.js';
import type { ScopeSummary } from '../scoring/scope.js';
import { plural } from '../plural.js';
import { hasCurrentEvidence } from '../answers/freshness.js';

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

/** A checklist's score; one with nothing answered says so rather than show a bare 0.0. */
export function formatChecklistScore(checklist: ChecklistScore): string {
  return checklist.applicable > 0 && checklist.answered === 0 ? `${formatScore(checklist.score)} (no answers)` : formatScore(checklist.score);
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

/**
 * One sentence per scoping question whose indefinite answer kept its dependents in scope
 * (untrusted text inside: each renderer escapes it for its format).
 */
export function keptInScopeSentences(scope: ScopeSummary): string[] {
  const sentences = scope.keptInScope.slice(0, KEPT_IN_SCOPE_SHOWN).map(({ entry, value, dependents }) => {
    const those = dependents === 1 ? 'the question that depends on it is' : `the ${dependents} questions that depend on it are`;
    return `${entry.checklist.title}: the scoping question "${entry.question.ask}" (${entry.globalId}) is answered ${STATUS_LABEL[value]}, which does not rule it out, so ${those} kept in scope and scored.`;
  });
  const more = scope.keptInScope.length - sentences.length;
  return more > 0 ? [...sentences, `${plural(more, 'more scoping question is', 'more scoping questions are')} answered the same way, their questions also kept in scope and scored.`] : sentences;
}

/** A summary names this many scoping questions that kept their questions in scope, then counts the rest. */
const KEPT_IN_SCOPE_SHOWN = 3;

/** `3 answers ignored: ...`, when a decisive scoping answer switched off questions the file still answers. */
export function ignoredByScopingLine(scope: ScopeSummary): string | undefined {
  if (scope.ignored.length === 0) return undefined;
  const byDecider = new Map<string, { value: string; count: number }>();
  for (const { by, value } of scope.ignored) {
    const seen = byDecider.get(by.globalId) ?? { value, count: 0 };
    seen.count++;
    byDecider.set(by.globalId, seen);
  }
  const why = [...byDecider].map(([id, { value, count }]) => `${id} is answered ${value}, so ${plural(count, 'question')} that depend${count === 1 ? 's' : ''} on it ${count === 1 ? 'does' : 'do'} not apply`).join('; ');
  return `${plural(scope.ignored.length, 'answer')} ignored: ${why}`;
}

/** The story the lessons table tells, in the words every report uses. */
export const LESSONS_INTRO =
  'In November 2014 a group calling itself #GOP broke into Sony Pictures Entertainment, took internal data, left computers across the studio unusable and threatened to publish what it held. ' +
  'The press blamed the failures below; those marked implied follow from what was reported rather than from an explicit verdict. ' +
  'Each is tested by questions of this assessment.';

export const LESSON_STATES_EXPLAINED =
  'Open: at least one of its questions is an open gap. Accepted risk: its only gaps are covered by risk acceptances in force. ' +
  'Addressed: every applicable question was answered yes or not applicable. Not assessed: none of its questions applies at this level or with these checklists.';

/**
 * What the assessment covers and what it cannot say, as plain sentences (no input text): answers
 * are self-reported unless evidence is attached, the level's reach, the checklists covered.
 */
export function scopeStatement(assessment: Pick<Assessment, 'results' | 'level' | 'checklists' | 'asOf' | 'counts'>): string[] {
  const answered = assessment.results.filter((r) => !r.question.gate && r.status !== 'unanswered');
  const evidenced = answered.filter((r) => r.answer && hasCurrentEvidence(r.answer, assessment.asOf)).length;
  const levelReach =
    assessment.level === 3
      ? 'Level 3 covers every question: the essentials, the standard practices and the advanced ones.'
      : `Level ${assessment.level} leaves out the questions above it (${assessment.level === 1 ? 'standard and advanced' : 'advanced'} practices), so a good score here says nothing about them.`;
  return [
    `This assessment covers ${plural(assessment.checklists.length, 'checklist')} and ${plural(assessment.counts.applicable, 'applicable question')} at level ${assessment.level}, as of ${assessment.asOf}.`,
    `The answers are self-reported: ${evidenced} of the ${plural(answered.length, 'scored answer')} ${evidenced === 1 ? 'has' : 'have'} current evidence attached; the rest were not checked by the tool or the assessor.`,
    levelReach,
    'It is a readiness review against the practices the checklists name, not a penetration test or an audit opinion.',
  ];
}
