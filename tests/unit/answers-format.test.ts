/** The answers format is declared once (answers/schema.ts): the template and the editor take their field lists from it. */
import { describe, expect, it } from 'vitest';
import { AnswersDocument } from '../../src/answers/document.js';
import { parseAnswersText } from '../../src/answers/file.js';
import { HAND_SET_FIELD_EXAMPLE, META_FIELDS, answerEntrySchema, answersFileSchema } from '../../src/answers/schema.js';
import { renderTemplate } from '../../src/answers/template.js';
import { buildCatalog } from '../../src/catalog.js';
import { checklist, question } from '../helpers/build.js';

const catalog = buildCatalog([checklist('s', [question('a'), question('b')])]);

describe('the template', () => {
  const text = renderTemplate(catalog, { level: 3 });

  it('shows every field of the longer form of an answer, in schema order', () => {
    const shown = [...text.matchAll(/^# {5}(\w+): /gm)].map((m) => m[1]);
    expect(shown).toEqual(Object.keys(answerEntrySchema.def.shape));
  });

  it('has every assessment field to fill in, and is an answers file as it is', async () => {
    for (const field of META_FIELDS) expect(text).toMatch(new RegExp(`^${field}:`, 'm'));
    const parsed = await parseAnswersText(text, 'template.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data?.level).toBe(3);
  });

  it('shows the hand-set settings commented out, and each is valid once uncommented', async () => {
    for (const field of Object.keys(HAND_SET_FIELD_EXAMPLE)) {
      const line = text.split('\n').find((l) => l.startsWith(`# ${field}: `));
      expect(line, field).toBeDefined();
      const value = line!.slice(`# ${field}: `.length).split(/\s{2,}/)[0];
      const parsed = await parseAnswersText(`breachready: 1\n${field}: ${value}\n`, 'uncommented.yaml');
      expect(parsed.problems, field).toEqual([]);
    }
  });
});

describe('a new answers file from the interview', () => {
  it('writes the assessment fields in schema order, and the schema takes it', async () => {
    const document = AnswersDocument.create({ organization: 'Northlight', assessor: 'Ann', date: '2026-11-22', level: 2, versions: { s: '1.0.0' } });
    const parsed = await parseAnswersText(document.toString(), 'new.yaml');
    expect(parsed.problems).toEqual([]);
    // checklists and the hand-set settings are the user's to write; the interview writes every other field.
    const order = Object.keys(answersFileSchema.def.shape);
    expect(Object.keys(parsed.data!)).toEqual(order.filter((key) => key !== 'checklists' && !(key in HAND_SET_FIELD_EXAMPLE)));
    expect(parsed.data).toMatchObject({ organization: 'Northlight', assessor: 'Ann', date: '2026-11-22', level: 2 });
  });

  it('leaves out an assessment field that is empty or null', () => {
    const document = AnswersDocument.create({ organization: '', assessor: null, level: 1 });
    expect(document.toString()).not.toMatch(/^(organization|assessor|date):/m);
  });
});
