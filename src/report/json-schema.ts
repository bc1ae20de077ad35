/**
 * The JSON report's shape: the one owner of its fields. The renderer (json.ts) is typed by it and
 * the published JSON Schema (schema/report.schema.json) is generated from it, so neither can drift.
 * Bump REPORT_SCHEMA_VERSION (json.ts) when a field changes.
 */
import { STATUSES } from '../scoring/model.js';
import { z } from 'zod';
import { EFFORTS, SEVERITIES } from '../checklist/vocabulary.js';
import { EVIDENCE_STATUSES } from '../evidence/review.js';
import { REPORT_SCHEMA_VERSION } from './json.js';

const CHANGE_KINDS = ['new-gap', 'worse-answer', 'acceptance-expired', 'new-question', 'gap-closed', 'better-answer', 'first-assessed'] as const;

const text = z.string();
const nullableText = z.nullable(z.string());
const count = z.int().check(z.gte(0));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const severity = z.enum(SEVERITIES);
const status = z.enum(STATUSES);
const level = z.int().check(z.gte(1), z.lte(3));
const score = z.nullable(z.number().check(z.gte(0), z.lte(100)));

const gapItem = z.strictObject({
  id: text,
  checklist: text,
  question: text,
  severity,
  level,
  answer: status,
  note: nullableText,
  evidence: nullableText.check(z.describe('The evidence as one line of text: the shorthand, or each link or file')),
  fix: text,
  effort: z.enum(EFFORTS),
  refs: z.record(text, z.array(text)),
  accepted: z.nullable(z.strictObject({ by: text, reason: text, until: isoDate })),
  expired: z.boolean(),
  line: z.nullable(z.int()),
  owner: nullableText,
  due: z.nullable(isoDate),
  overdue: z.boolean().check(z.describe('An open gap whose due date is before asOf')),
});

const change = z.strictObject({ id: text, severity, change: z.enum(CHANGE_KINDS), before: z.nullable(status), after: status });

const evidence = z.strictObject({
  maxAge: nullableText.check(z.describe('The maximum age applied (--max-age, else the answers file), e.g. 12m')),
  requireEvidence: z.nullable(severity),
  register: z.array(
    z.strictObject({
      id: text,
      href: nullableText,
      path: nullableText,
      sha256: nullableText,
      collected: z.nullable(isoDate),
      expires: z.nullable(isoDate),
      status: z.enum(EVIDENCE_STATUSES),
      line: z.nullable(z.int()),
    }),
  ),
  needsReconfirmation: z.array(
    z.strictObject({
      id: text,
      severity,
      owner: nullableText,
      answered: z.nullable(isoDate),
      ageDays: z.nullable(z.int()),
      stale: z.boolean(),
      expiredEvidence: z.array(text),
      line: z.nullable(z.int()),
    }),
  ),
  unverified: z.array(z.strictObject({ id: text, severity, owner: nullableText, line: z.nullable(z.int()) })),
  integrity: z.array(z.strictObject({ file: text, line: z.int(), col: z.int(), message: text })),
});

export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.strictObject({ name: text, version: text }),
  asOf: isoDate,
  organization: nullableText,
  assessor: nullableText,
  date: nullableText,
  answersFile: nullableText,
  /** With --redact: notes, evidence, people's names and the organisation were removed for sharing. */
  redacted: z.boolean(),
  level,
  score,
  grade: z.nullable(z.enum(['A', 'B', 'C', 'D', 'F'])),
  gradeCap: nullableText,
  counts: z.strictObject({
    ...Object.fromEntries(STATUSES.map((s) => [s, count])),
    applicable: count,
    accepted: count,
    expired: count,
    scoping: count,
    scopingUnanswered: count,
  } as Record<(typeof STATUSES)[number] | 'applicable' | 'accepted' | 'expired' | 'scoping' | 'scopingUnanswered', typeof count>),
  openBySeverity: z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, count])) as Record<(typeof SEVERITIES)[number], typeof count>),
  checklists: z.array(
    z.strictObject({ id: text, title: text, version: text, score, applicable: count, answered: count, gaps: count, openGaps: count }),
  ),
  gaps: z.array(gapItem),
  unanswered: z.array(z.strictObject({ id: text, checklist: text, question: text, severity })),
  accepted: z.array(gapItem),
  stale: z.array(z.strictObject({ checklist: text, answeredVersion: text, currentVersion: text, unanswered: z.array(text) })),
  notApplicable: z.array(z.strictObject({ id: text, checklist: text, question: text, note: nullableText })),
  scope: z.strictObject({
    keptInScope: z.array(z.strictObject({ question: text, answer: status, dependents: count })),
    ignoredAnswers: z.array(z.strictObject({ id: text, because: text, answer: status })),
  }),
  evidence,
  comparison: z.optional(
    z.strictObject({
      level,
      checklists: z.array(text),
      scoreBefore: score,
      scoreAfter: score,
      regressed: z.array(change),
      improved: z.array(change),
      firstAssessed: z.array(change),
    }),
  ),
});

export type ReportData = z.output<typeof reportSchema>;
