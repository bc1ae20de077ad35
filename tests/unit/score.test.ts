import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog.js';
import { gradeFor, score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

const asOf = '2026-11-22';
// One question of each severity: weights 8, 4, 2, 1 (sum 15).
const mixed = checklist('mix', [
  question('crit', { severity: 'critical', effort: 'high' }),
  question('high', { severity: 'high', effort: 'low' }),
  question('med', { severity: 'medium', level: 2 }),
  question('low', { severity: 'low', level: 3 }),
]);
const catalog = buildCatalog([mixed]);
const all = (value: 'yes' | 'no' | 'na' | 'partial' | 'unknown') =>
  answers(Object.fromEntries(mixed.questions.map((q) => [`mix/${q.id}`, value === 'na' ? { value, note: 'n/a here' } : value])));

describe('score()', () => {
  it.each([
    ['all yes', all('yes'), 3, 100],
    ['all no', all('no'), 3, 0],
    ['all unknown', all('unknown'), 3, 0],
    ['all partial', all('partial'), 3, 50],
    ['all na', all('na'), 3, null],
    ['nothing answered', answers({}), 3, 0],
    // crit yes (8) + high partial (2) + med no (0) + low yes (1) = 11 of 15
    ['mixed', answers({ 'mix/crit': 'yes', 'mix/high': 'partial', 'mix/med': 'no', 'mix/low': 'yes' }), 3, (100 * 11) / 15],
    // level 1 keeps crit and high only: 8 of 12
    ['level 1', answers({ 'mix/crit': 'yes', 'mix/high': 'no', 'mix/med': 'yes', 'mix/low': 'yes' }), 1, (100 * 8) / 12],
    // level 2 adds med: (8 + 0 + 2) of 14
    ['level 2', answers({ 'mix/crit': 'yes', 'mix/high': 'no', 'mix/med': 'yes' }), 2, (100 * 10) / 14],
    // na is excluded from both sides: crit na, high yes, med no, low yes = 5 of 7
    ['na excluded', answers({ 'mix/crit': { value: 'na', note: 'x' }, 'mix/high': 'yes', 'mix/med': 'no', 'mix/low': 'yes' }), 3, (100 * 5) / 7],
  ] as const)('%s', (_name, given, level, expected) => {
    const result = score(catalog, given, { level, asOf });
    if (expected === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(expected, 10);
    expect(result.checklists[0]!.score).toEqual(result.score);
  });

  it('orders gaps by severity, then answer, then effort, then catalogue order', () => {
    const list = checklist('order', [
      question('m-partial', { severity: 'medium' }),
      question('h-partial-low', { severity: 'high', effort: 'low' }),
      question('h-no-high', { severity: 'high', effort: 'high' }),
      question('h-no-low', { severity: 'high', effort: 'low' }),
      question('h-unanswered', { severity: 'high', effort: 'low' }),
      question('h-unknown', { severity: 'high', effort: 'low' }),
      question('c-partial', { severity: 'critical' }),
    ]);
    const result = score(
      buildCatalog([list]),
      answers({
        'order/m-partial': 'partial',
        'order/h-partial-low': 'partial',
        'order/h-no-high': 'no',
        'order/h-no-low': 'no',
        'order/h-unknown': 'unknown',
        'order/c-partial': 'partial',
      }),
      { level: 3, asOf },
    );
    expect(result.gaps.map((g) => g.question.id)).toEqual(['c-partial', 'h-no-low', 'h-no-high', 'h-unknown', 'h-unanswered', 'h-partial-low', 'm-partial']);
  });

  it('applies `when` questions only when the answer matches, and when the gate is unanswered', () => {
    const list = checklist('w', [
      question('gate', { gate: true, severity: 'low' }),
      question('child', { severity: 'high', when: { question: 'gate', is: 'yes' } }),
      question('grandchild', { severity: 'high', when: { question: 'child', is: ['yes', 'partial'] } }),
    ]);
    const cat = buildCatalog([list]);
    const ids = (given: Parameters<typeof answers>[0]) => score(cat, answers(given), { level: 3, asOf }).results.map((r) => r.question.id);
    expect(ids({})).toEqual(['gate', 'child', 'grandchild']);
    expect(ids({ 'w/gate': 'no' })).toEqual(['gate']);
    expect(ids({ 'w/gate': 'yes', 'w/child': 'no' })).toEqual(['gate', 'child']);
    expect(ids({ 'w/gate': 'yes', 'w/child': 'partial' })).toEqual(['gate', 'child', 'grandchild']);
    // The gate question itself is never scored: only the child counts (no -> 0).
    const result = score(cat, answers({ 'w/gate': 'yes', 'w/child': 'no' }), { level: 3, asOf });
    expect(result.score).toBe(0);
    expect(result.gaps.map((g) => g.question.id)).toEqual(['child']);
  });

  it('keeps accepted risks as gaps in the score, apart from the open gaps, until they expire', () => {
    const accepted = { by: 'CISO', reason: 'new gateway in Q1', until: '2027-03-31' };
    const given = answers({ 'mix/crit': { value: 'no', accepted }, 'mix/high': 'yes', 'mix/med': 'yes', 'mix/low': 'yes' });
    const before = score(catalog, given, { level: 3, asOf: '2027-03-31' });
    expect(before.score).toBeCloseTo((100 * 7) / 15, 10);
    expect(before.accepted.map((g) => g.question.id)).toEqual(['crit']);
    expect(before.openGaps).toEqual([]);
    expect(before.gaps).toHaveLength(1);
    expect(before.grade).toBe('F');
    expect(before.gradeCap).toBeUndefined();

    const after = score(catalog, given, { level: 3, asOf: '2027-04-01' });
    expect(after.score).toBeCloseTo(before.score!, 10);
    expect(after.accepted).toEqual([]);
    expect(after.openGaps.map((g) => [g.question.id, g.expired])).toEqual([['crit', true]]);
    expect(after.counts.expired).toBe(1);
  });

  it('counts answers by kind', () => {
    const result = score(catalog, answers({ 'mix/crit': 'yes', 'mix/high': 'unknown', 'mix/med': { value: 'na', note: 'x' } }), { level: 3, asOf });
    expect(result.counts).toMatchObject({ applicable: 4, yes: 1, unknown: 1, na: 1, unanswered: 1, no: 0, partial: 0 });
    expect(result.unanswered.map((r) => r.question.id)).toEqual(['low']);
  });
});

describe('gradeFor()', () => {
  const none = { critical: 0, high: 0, medium: 0, low: 0 };
  it.each([
    [100, none, 'A'],
    [90, none, 'A'],
    [89.9, none, 'B'],
    [80, none, 'B'],
    [70, none, 'C'],
    [60, none, 'D'],
    [59.9, none, 'F'],
    [0, none, 'F'],
    [95, { ...none, critical: 1 }, 'D'],
    [95, { ...none, high: 2 }, 'B'],
    [75, { ...none, high: 1 }, 'C'],
    [40, { ...none, critical: 1 }, 'F'],
  ] as const)('score %d with open gaps %j is %s', (value, open, grade) => {
    expect(gradeFor(value, open).grade).toBe(grade);
  });

  it('is n/a without a score', () => {
    expect(gradeFor(null, none).grade).toBeNull();
  });

  it('says why a grade was capped', () => {
    expect(gradeFor(97, { ...none, critical: 2 }).cap).toBe('capped at D: 2 open critical gaps');
  });
});
