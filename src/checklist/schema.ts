/**
 * The checklist format, defined once. TypeScript types are inferred from these schemas and
 * `schema/checklist.schema.json` is generated from them (`npm run build:schema`).
 */
import { z } from 'zod';
import { ANSWER_VALUES, EFFORTS, SEVERITIES } from './vocabulary.js';
import type { Framework } from './vocabulary.js';

export type { AnswerValue, Effort, Framework, Level, Severity } from './vocabulary.js';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** A former question id: local (`old-id`) or global (`other-checklist/old-id`), for answers files written before a change. */
const FORMER_ID = /^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Control id syntax per framework; the built-in content is also checked against the full lists. */
const CONTROL_ID_PATTERNS: Record<Framework, RegExp> = {
  'nist-csf-2': /^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/,
  'cis-v8': /^([1-9]|1[0-8])\.\d{1,2}$/,
  'iso-27001-2022': /^A\.(5\.([1-9]|[12]\d|3[0-7])|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[12]\d|3[0-4]))$/,
  'nist-800-53': /^[A-Z]{2}-\d{1,2}(\(\d{1,2}\))?$/,
};

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

const kebabId = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .max(64, { error: `${what} must be at most 64 characters` })
    .regex(KEBAB, { error: `${what} must be ASCII kebab-case (a-z, 0-9 and single hyphens)` });

const controlIds = (framework: Framework) =>
  z
    .array(
      z.string({ error: 'control ids must be text: quote numbers, e.g. "5.2"' }).regex(CONTROL_ID_PATTERNS[framework], {
        error: (issue) => `"${String(issue.input)}" is not a ${framework} control id`,
      }),
    )
    .min(1, { error: `${framework} needs at least one control id` })
    .describe(`Control ids of ${framework}`);

export const refsSchema = z
  .strictObject({
    'nist-csf-2': controlIds('nist-csf-2').optional(),
    'cis-v8': controlIds('cis-v8').optional(),
    'iso-27001-2022': controlIds('iso-27001-2022').optional(),
    'nist-800-53': controlIds('nist-800-53').optional(),
  })
  .refine((refs) => Object.keys(refs).length > 0, { error: 'refs needs at least one framework' })
  .describe('Framework controls this question maps to: framework key -> control ids');

const answerValueSchema = z.enum(ANSWER_VALUES, {
  error: `must be one of ${ANSWER_VALUES.join(', ')}`,
});

export const whenSchema = z
  .strictObject({
    question: kebabId('when.question').describe('Id of another question in the same checklist'),
    is: z
      .union([answerValueSchema, z.array(answerValueSchema).min(1)])
      .describe('The answer (or any of the answers) that makes this question apply'),
  })
  .describe('Ask this question only when another question of this checklist was answered this way');

export const questionSchema = z
  .strictObject({
    id: kebabId('question id').describe('ASCII kebab-case, unique in its checklist'),
    ask: text('ask').describe('The question, answerable yes or no'),
    help: text('help').describe('What a good ("yes") answer looks like'),
    severity: z
      .enum(SEVERITIES, { error: `severity must be one of ${SEVERITIES.join(', ')}` })
      .describe('How bad a gap here is'),
    level: z
      .literal([1, 2, 3], { error: 'level must be 1, 2 or 3' })
      .describe('1 = essential for any organisation, 2 = standard, 3 = advanced'),
    why: text('why').describe('Why it matters, tied to the breach where it can be'),
    fix: text('fix').describe('Concrete remediation steps'),
    effort: z
      .enum(EFFORTS, { error: `effort must be one of ${EFFORTS.join(', ')}` })
      .describe('Effort to close the gap'),
    refs: refsSchema,
    when: whenSchema.optional(),
    formerly: z
      .array(
        z.string({ error: 'formerly ids must be text' }).regex(FORMER_ID, {
          error: 'formerly ids are <question> (this checklist) or <checklist>/<question>, in kebab-case',
        }),
      )
      .min(1, { error: 'formerly needs at least one id' })
      .optional()
      .describe('Ids this question had before a rename, merge or move; answers given under them count as answers to this question'),
    gate: z
      .boolean({ error: 'gate must be true or false' })
      .optional()
      .describe('A scoping question (e.g. "do you run social accounts?"): other questions depend on it through `when`; it is never scored and never a gap'),
  })
  .describe('One yes/no question');

export const sourceSchema = z
  .strictObject({
    publication: text('publication'),
    title: text('title'),
    date: z
      .string({ error: 'date must be text (YYYY-MM-DD or YYYY-MM)' })
      .regex(DATE, { error: 'date must be YYYY-MM-DD or YYYY-MM' }),
    url: z.url({ error: 'url must be an absolute URL' }).optional(),
  })
  .describe('A published source the lesson draws on');

export const checklistSchema = z
  .strictObject({
    id: kebabId('checklist id').describe('ASCII kebab-case, unique among all checklists loaded'),
    title: text('title'),
    version: z
      .string({ error: 'version must be text' })
      .regex(SEMVER, { error: 'version must be semver, e.g. 1.0.0' }),
    summary: text('summary').describe('One or two sentences: what this checklist covers'),
    lesson: text('lesson').describe('What went wrong at Sony Pictures in 2014, citing the sources'),
    sources: z.array(sourceSchema).min(1, { error: 'sources needs at least one entry' }),
    questions: z.array(questionSchema).min(1, { error: 'questions needs at least one question' }),
  })
  .describe('A breachready checklist: one security domain, a list of yes/no questions');

export type Refs = z.infer<typeof refsSchema>;
export type When = z.infer<typeof whenSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Checklist = z.infer<typeof checklistSchema>;
