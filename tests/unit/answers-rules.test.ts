import { describe, expect, it } from 'vitest';
import { answerOf, metaOf } from '../../src/answers/model.js';
import { answerRuleProblems } from '../../src/answers/rules.js';
import type { AnswerEntry } from '../../src/answers/schema.js';

describe('answer rules', () => {
  it('na needs a note; blank text is no note', () => {
    expect(answerRuleProblems(answerOf({ answer: 'na', note: '  ' }, 1))).toEqual([
      { path: [], message: '"na" needs a note that justifies it (answer: na, note: why it does not apply)' },
    ]);
    expect(answerRuleProblems(answerOf({ answer: 'na', note: 'no laptops' }, 1))).toEqual([]);
  });

  it('an accepted risk needs a gap, reported at `accepted`', () => {
    const accepted = { by: 'CISO', reason: 'budget', until: '2027-01-01' };
    expect(answerRuleProblems(answerOf({ answer: 'yes', accepted }, 1))).toEqual([
      { path: ['accepted'], message: 'an accepted risk needs a gap: the answer is "yes"' },
    ]);
    expect(answerRuleProblems(answerOf({ answer: 'no', accepted }, 1))).toEqual([]);
  });

  it('a shorthand or empty answer breaks no rule, unless it is na', () => {
    expect(answerRuleProblems(answerOf('no', 1))).toEqual([]);
    expect(answerRuleProblems(answerOf(null, 1))).toEqual([]);
    expect(answerRuleProblems(answerOf('na', 1))).toHaveLength(1);
  });
});

describe('the answers model from the schema', () => {
  it('maps every field of an entry by itself: text trimmed, blank or null absent', () => {
    expect(answerOf({ answer: 'partial', note: ' half done ', evidence: '' }, 7)).toEqual({ value: 'partial', note: 'half done', line: 7 });
    // A field the model code does not name (a new one in the schema) reaches the model too.
    const withNewField = { answer: 'no', owner: ' Ann ', evidence: null } as unknown as AnswerEntry;
    expect(answerOf(withNewField, 3)).toStrictEqual({ value: 'no', owner: 'Ann', evidence: undefined, line: 3 });
  });

  it('takes the assessment fields in file order, null as absent', () => {
    const meta = metaOf({ organization: 'Northlight', assessor: null, date: '2026-11-22', level: 2 });
    expect(meta).toStrictEqual({ organization: 'Northlight', assessor: undefined, date: '2026-11-22', level: 2 });
    expect(Object.keys(metaOf(undefined))).toEqual(['organization', 'assessor', 'date', 'level']);
  });
});
