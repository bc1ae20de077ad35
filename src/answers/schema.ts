/** The answers file format (a user-facing contract; see README "The answers file"). */
import { z } from 'zod';
import { ANSWER_VALUES } from '../checklist/vocabulary.js';
import { quote } from '../text.js';
import { ISO_DATE, isCalendarDate } from '../iso-date.js';
import { FORMAT_VERSION } from './format.js';
import { suggestAnswerValue } from './suggest-value.js';


const answerValue = z.enum(ANSWER_VALUES, {
  error: (issue) =>
    typeof issue.input === 'boolean'
      ? `answer must be one of ${ANSWER_VALUES.join(', ')} (write yes or no, not true or false)`
      : typeof issue.input === 'string' || typeof issue.input === 'number'
        ? `unknown answer ${quote(String(issue.input))}: use one of ${ANSWER_VALUES.join(', ')}${meant(String(issue.input))}`
        : `answer must be one value, one of ${ANSWER_VALUES.join(', ')}`,
});

/** ` (did you mean "partial"?)` for `partly`, or nothing. */
function meant(input: string): string {
  const value = suggestAnswerValue(input);
  return value === undefined ? '' : ` (did you mean "${value}"?)`;
}

const isoDate = (what: string) =>
  z
    .string({ error: `${what} must be a date, YYYY-MM-DD` })
    // abort: a date that is not even YYYY-MM-DD gets one message, not a second about the calendar.
    .regex(ISO_DATE, { error: `${what} must be a date, YYYY-MM-DD`, abort: true })
    .refine(isCalendarDate, {
      error: `${what} is not a real calendar date`,
    });

const optionalText = (what: string) => z.string({ error: `${what} must be text` }).optional();

export const acceptanceSchema = z
  .strictObject({
    by: z.string({ error: 'accepted.by must name who accepted the risk' }).trim().min(1, { error: 'accepted.by must name who accepted the risk' }),
    reason: z.string({ error: 'accepted.reason must say why' }).trim().min(1, { error: 'accepted.reason must say why' }),
    until: isoDate('accepted.until'),
  })
  .describe('An accepted risk: still a gap, but it does not fail a CI policy until `until` has passed');

export const answerEntrySchema = z
  .strictObject({
    answer: answerValue.nullable().optional().describe('yes | partial | no | unknown | na; empty = unanswered'),
    note: optionalText('note').nullable().describe('Context for the answer; required for na (the justification)'),
    evidence: optionalText('evidence').nullable().describe('Where the evidence is: a link, a document, a ticket'),
    accepted: acceptanceSchema.optional(),
  })
  .describe('An answer with its note, evidence and an optional accepted risk');

/** One entry of `answers:`: shorthand value, full mapping, or empty (unanswered). */
export const answerSchema = z.union([answerValue, answerEntrySchema]).nullable();

export const answersFileSchema = z
  .strictObject({
    breachready: z.literal(FORMAT_VERSION, { error: `breachready must be ${FORMAT_VERSION} (the answers file format version)` }),
    organization: optionalText('organization').nullable(),
    assessor: optionalText('assessor').nullable(),
    date: isoDate('date').optional().nullable().describe('When the answers were given'),
    level: z
      .literal([1, 2, 3], { error: 'level must be 1, 2 or 3' })
      .optional()
      .describe('1 essentials, 2 standard, 3 advanced (default: 3, every question)'),
    checklists: z
      .array(z.string({ error: 'each checklist must be a built-in id or a path' }).min(1))
      .optional()
      .describe('Built-in checklist ids or paths relative to this file (default: every built-in checklist)'),
    versions: z
      .record(z.string(), z.string({ error: 'a checklist version must be text, e.g. "1.0.0"' }))
      .optional()
      .describe('Checklist id -> the version the answers were given against (written by the interview), to spot new questions'),
    answers: z
      .record(z.string(), answerSchema, {
        error: 'answers must be a mapping of question id to answer',
      })
      .nullable()
      .optional()
      .describe('Question id (<checklist>/<question>) -> answer, or a mapping with answer, note, evidence, accepted'),
  })
  .describe('A breachready answers file');

export type AnswersFileData = z.infer<typeof answersFileSchema>;
export type AnswerEntryData = z.infer<typeof answerEntrySchema>;
export type Acceptance = z.infer<typeof acceptanceSchema>;
