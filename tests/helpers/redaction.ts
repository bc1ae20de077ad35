/**
 * An answers file with a unique marker in every free-text field, and the list of those fields
 * derived from the answers schema itself, so a field added later is found by the tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { answersFileSchema } from '../../src/answers/schema.js';

/** Text fields that are not free text: what they hold is an id or a version, shown as such. */
export const NOT_FREE_TEXT: Record<string, string> = {
  'checklists[]': 'built-in checklist ids or checklist files to load',
  'versions.*': 'checklist versions, written by the interview',
};

interface Def {
  type: string;
  innerType?: { def: Def };
  shape?: Record<string, { def: Def }>;
  options?: { def: Def }[];
  element?: { def: Def };
  valueType?: { def: Def };
}
interface Leaf {
  safeParse: (value: unknown) => { success: boolean };
}

/**
 * Every field of the answers file that takes free text (any words, or a link): `organization`,
 * `answers.*.note`, `answers.*.evidence[].href`. Dates, hashes, ages and enums are not.
 */
export function freeTextFields(): string[] {
  const found = new Set<string>();
  const walk = (schema: { def: Def }, path: string) => {
    const { def } = schema;
    if (def.type === 'optional' || def.type === 'nullable') return walk(def.innerType!, path);
    if (def.type === 'object') for (const [key, field] of Object.entries(def.shape!)) walk(field, path ? `${path}.${key}` : key);
    if (def.type === 'union') for (const option of def.options!) walk(option, path);
    if (def.type === 'array') walk(def.element!, `${path}[]`);
    if (def.type === 'record') walk(def.valueType!, `${path}.*`);
    if (def.type === 'string') {
      const leaf = schema as unknown as Leaf;
      if (leaf.safeParse('any words').success || leaf.safeParse('https://example.com/page').success) found.add(path);
    }
  };
  walk(answersFileSchema as unknown as { def: Def }, '');
  return [...found].sort();
}

export const marker = (field: string) => `MARK${field.replace(/[^a-z]/gi, '').toUpperCase()}Q`;

/**
 * Writes `answers.yaml` in `dir` with a marker in every free-text field (`field -> marker`
 * returned): organisation, assessor, and one answer per form of each answer field.
 */
export function writeMarkedAnswers(dir: string, extra: Record<string, unknown> = {}): Record<string, string> {
  const m = marker;
  mkdirSync(join(dir, 'evidence'), { recursive: true });
  const file = {
    breachready: 1,
    organization: m('organization'),
    assessor: m('assessor'),
    date: '2026-11-01',
    level: 3,
    ...extra,
    answers: {
      'privileged-access/dedicated-admin-accounts': {
        answer: 'no',
        by: m('answers.*.by'),
        owner: m('answers.*.owner'),
        note: m('answers.*.note'),
        evidence: m('answers.*.evidence'),
        due: '2027-01-31',
        accepted: { by: m('answers.*.accepted.by'), reason: m('answers.*.accepted.reason'), until: '2027-06-30' },
      },
      'privileged-access/admin-mfa': {
        answer: 'partial',
        answered: '2026-10-30',
        evidence: [
          { href: `https://${m('answers.*.evidence[].href').toLowerCase()}.example/doc`, collected: '2026-10-01' },
          { path: `evidence/${m('answers.*.evidence[].path')}.pdf` },
        ],
      },
      'privileged-access/no-daily-admin-rights': 'yes',
    },
  };
  writeFileSync(join(dir, 'answers.yaml'), stringify(file));
  // The evidence file exists, so a report is not failed for a missing one.
  writeFileSync(join(dir, 'evidence', `${m('answers.*.evidence[].path')}.pdf`), 'evidence\n');
  return Object.fromEntries(freeTextFields().filter((f) => !(f in NOT_FREE_TEXT)).map((f) => [f, f === 'answers.*.evidence[].href' ? m(f).toLowerCase() : m(f)]));
}
