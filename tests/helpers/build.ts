/** Tiny builders for checklists and answers in unit tests. */
import type { Answer, Answers } from '../../src/answers/model.js';
import type { Checklist, Question } from '../../src/checklist/schema.js';

/** A question with every field filled; override what the test is about. */
export function question(id: string, overrides: Partial<Question> = {}): Question {
  return {
    id,
    ask: `Is ${id} in place?`,
    help: `A good answer for ${id}.`,
    severity: 'medium',
    level: 1,
    why: `Why ${id} matters.`,
    fix: `Put ${id} in place.`,
    effort: 'medium',
    refs: { 'nist-csf-2': ['PR.AA-01'], 'cis-v8': ['5.1'] },
    ...overrides,
  };
}

/** A checklist around the given questions. */
export function checklist(id: string, questions: Question[], overrides: Partial<Checklist> = {}): Checklist {
  return {
    id,
    title: `Checklist ${id}`,
    version: '1.0.0',
    summary: `About ${id}.`,
    lesson: `The Hollywood Reporter on ${id}.`,
    sources: [{ publication: 'The Hollywood Reporter', title: 'Sony Pictures Targeted by Widespread Hack', date: '2014-11-24' }],
    questions,
    ...overrides,
  };
}

/** Answers from a map of global id -> value or full answer. */
export function answers(entries: Record<string, Answer['value'] | Answer>, extra: Partial<Answers> = {}): Answers {
  const map = new Map<string, Answer>();
  for (const [id, entry] of Object.entries(entries)) map.set(id, typeof entry === 'object' ? entry : { value: entry });
  return { answers: map, ...extra };
}
