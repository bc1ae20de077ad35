/**
 * The answers file format (a user-facing contract; see README "The answers file"), declared once:
 * the types (model.ts), the JSON Schema (schemas.ts), the check on every path and its messages,
 * and the editing side's field lists all come from here. Written with zod's light build
 * (`zod/mini`), which costs a plainly valid file a few milliseconds at start-up, not the full zod.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ANSWER_VALUES, LEVELS } from '../checklist/vocabulary.js';
import { quote } from '../text.js';
import { ISO_DATE, isCalendarDate } from '../iso-date.js';
import { FORMAT_VERSION } from './format.js';
import { MAX_AGE_HINT, parseMaxAge } from './freshness.js';
import { suggestAnswerValue } from './suggest-value.js';

// The few messages zod writes itself (a list or a mapping where a text belongs) are in English, as
// the full zod has them; the light build has no locale of its own. jitless: a run checks one file,
// too little for compiling each object schema to pay for itself (set before any schema is made).
z.config({ ...en(), jitless: true });

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
  z.string({ error: `${what} must be a date, YYYY-MM-DD` }).check(
    // abort: a date that is not even YYYY-MM-DD gets one message, not a second about the calendar.
    z.regex(ISO_DATE, { error: `${what} must be a date, YYYY-MM-DD`, abort: true }),
    z.refine(isCalendarDate, { error: `${what} is not a real calendar date` }),
  );

const optionalDate = (what: string) => z.nullable(z.optional(isoDate(what)));

const SHA256_ERROR = 'sha256 must be 64 lowercase hex characters';

/** An http or https URL with a host: what an evidence `href` must be. */
export function isWebAddress(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const { protocol, hostname } = new URL(text);
  return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
}

const optionalText = (what: string) => z.optional(z.string({ error: `${what} must be text` }));

/** Text that says something: trimmed, not empty. */
const requiredText = (error: string) => z.string({ error }).check(z.trim(), z.minLength(1, { error }));

export const acceptanceSchema = z
  .strictObject({
    by: requiredText('accepted.by must name who accepted the risk'),
    reason: requiredText('accepted.reason must say why'),
    until: isoDate('accepted.until'),
  })
  .check(z.describe('An accepted risk: still a gap, but it does not fail a CI policy until `until` has passed'));

/** A web address evidence lives at: http or https only (a file link is a `path`). */
const evidenceHref = z.string({ error: 'href must be an http or https URL' }).check(
  z.trim(),
  z.refine(isWebAddress, { error: 'href must be an http or https URL' }),
);

/** A file kept with the answers: which folder it must stay in is a rule (rules.ts), not the schema. */
const evidencePath = z.string({ error: 'path must be text' }).check(
  z.trim(),
  z.minLength(1, { error: 'path must not be empty', abort: true }),
  z.refine((path) => !path.includes('\0'), { error: 'path must not contain a NUL character' }),
);

export const evidenceItemSchema = z
  .strictObject(
    {
      href: z.optional(evidenceHref).check(z.describe('A web page that shows the evidence (http or https)')),
      path: z.optional(evidencePath).check(z.describe("A file relative to this answers file's folder")),
      sha256: z
        .optional(z.string({ error: SHA256_ERROR }).check(z.regex(/^[0-9a-f]{64}$/, { error: SHA256_ERROR })))
        .check(z.describe('SHA-256 of the file, 64 lowercase hex characters')),
      collected: z.optional(isoDate('collected')).check(z.describe('When the evidence was collected')),
      expires: z.optional(isoDate('expires')).check(z.describe('When the evidence stops counting')),
    },
    { error: 'each evidence item must be a mapping with href or path' },
  )
  .check(
    z.refine((item) => (item.href === undefined) !== (item.path === undefined), { error: 'evidence item needs exactly one of href or path' }),
    // The same rule for editors: the JSON Schema cannot read the refine above.
    z.meta({ description: 'One piece of evidence: exactly one of href or path', oneOf: [{ required: ['href'] }, { required: ['path'] }] }),
  );

export const answerEntrySchema = z
  .strictObject({
    answer: z.optional(z.nullable(answerValue)).check(z.describe('yes | partial | no | unknown | na; empty = unanswered')),
    answered: optionalDate('answered').check(z.describe('When the answer was given or last confirmed (written by the interview)')),
    by: z.nullable(optionalText('by')).check(z.describe('Who gave the answer')),
    owner: z.nullable(optionalText('owner')).check(z.describe('Who owns the control or its fix')),
    due: optionalDate('due').check(z.describe('Target date for closing a gap')),
    note: z.nullable(optionalText('note')).check(z.describe('Context for the answer; required for na (the justification)')),
    evidence: z
      .nullable(
        z.optional(
          z.union([z.string({ error: 'evidence must be text or a list of evidence items' }), z.array(evidenceItemSchema)], {
            error: 'evidence must be text or a list of evidence items',
          }),
        ),
      )
      .check(z.describe('Where the evidence is: text (a link, a document, a ticket) or a list of href/path items')),
    accepted: z.optional(acceptanceSchema),
  })
  .check(z.describe('An answer with its note, evidence, owner, dates and an optional accepted risk'));

/**
 * How the template shows each field of the longer form of an answer. Typed by the schema, so a
 * new field does not type-check until the template can show it.
 */
export const ANSWER_ENTRY_EXAMPLE: Readonly<Record<keyof AnswerEntryData, string>> = {
  answer: 'partial',
  answered: 'YYYY-MM-DD (when it was given or last confirmed)',
  by: 'who gave the answer',
  owner: 'who owns the control or its fix',
  due: 'YYYY-MM-DD (target date for closing the gap)',
  note: 'what is in place and what is missing',
  evidence: 'where to see it (link, document, ticket), or a list of { href: URL } or { path: file, sha256: hash }',
  accepted: '{ by: who, reason: why, until: YYYY-MM-DD }',
};

/**
 * The file's optional settings that a person writes by hand (the interview never asks for them),
 * as the template shows them, commented out.
 */
export const HAND_SET_FIELD_EXAMPLE = {
  'max-age': "12m   (optional: answers older than this are listed to re-confirm; 90d, 12m or 1y)",
  weight: "1   (optional: this unit's weight in a roll-up's group score)",
} as const satisfies Partial<Record<keyof AnswersFileData, string>>;

/** One entry of `answers:`: shorthand value, full mapping, or empty (unanswered). */
export const answerSchema = z.nullable(z.union([answerValue, answerEntrySchema]));

/** What a file says about the assessment: the fields the interview's first run asks for. */
const metaShape = {
  organization: z.nullable(optionalText('organization')),
  assessor: z.nullable(optionalText('assessor')),
  date: optionalDate('date').check(z.describe('When the answers were given')),
  level: z
    .optional(z.literal(LEVELS, { error: 'level must be 1, 2 or 3' }))
    .check(z.describe('1 essentials, 2 standard, 3 advanced (default: 3, every question)')),
};

/** The assessment fields in file order (the interview writes them so). */
export const META_FIELDS = Object.keys(metaShape) as (keyof typeof metaShape)[];

export const answersFileSchema = z
  .strictObject({
    breachready: z.literal(FORMAT_VERSION, { error: `breachready must be ${FORMAT_VERSION} (the answers file format version)` }),
    ...metaShape,
    checklists: z
      .optional(z.array(z.string({ error: 'each checklist must be a built-in id or a path' }).check(z.minLength(1))))
      .check(z.describe('Built-in checklist ids or paths relative to this file (default: every built-in checklist)')),
    weight: z
      .optional(z.number({ error: 'must be a positive number' }).check(z.positive({ error: 'must be a positive number' })))
      .check(z.describe("This unit's weight in a roll-up's group score (default 1)")),
    'max-age': z
      .optional(
        z.string({ error: `must be ${MAX_AGE_HINT}` }).check(
          z.refine((text) => parseMaxAge(text) !== undefined, { error: `must be ${MAX_AGE_HINT}` }),
        ),
      )
      .check(z.describe('How old an answer may be before the reports ask to re-confirm it (90d, 12m, 1y); --max-age overrides it')),
    versions: z
      .optional(z.record(z.string(), z.string({ error: 'a checklist version must be text, e.g. "1.0.0"' })))
      .check(z.describe('Checklist id -> the version the answers were given against (written by the interview), to spot new questions')),
    answers: z
      .optional(z.nullable(z.record(z.string(), answerSchema, { error: 'answers must be a mapping of question id to answer' })))
      .check(z.describe('Question id (<checklist>/<question>) -> answer, or a mapping with answer, note, evidence, accepted')),
  })
  .check(z.describe('A breachready answers file'));

export type AnswersFileData = z.infer<typeof answersFileSchema>;
export type AnswersMeta = z.infer<z.ZodMiniObject<typeof metaShape>>;
export type AnswerEntryData = z.infer<typeof answerEntrySchema>;
export type Acceptance = z.infer<typeof acceptanceSchema>;
export type EvidenceItemData = z.infer<typeof evidenceItemSchema>;
/** An entry of `answers:`: a value, a full mapping, or null (unanswered). */
export type AnswerEntry = z.infer<typeof answerSchema>;
