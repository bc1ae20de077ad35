import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog.js';
import { addDays, daysBetween } from '../../src/iso-date.js';
import { roadmap, roadmapWindow } from '../../src/scoring/roadmap.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

describe('roadmap windows', () => {
  it.each([
    ['critical', 'high', 30],
    ['critical', 'low', 30],
    ['high', 'low', 30],
    ['high', 'medium', 60],
    ['high', 'high', 90],
    ['medium', 'low', 60],
    ['medium', 'medium', 90],
    ['medium', 'high', 'later'],
    ['low', 'low', 90],
    ['low', 'high', 'later'],
  ] as const)('%s severity, %s effort -> %s', (severity, effort, expected) => {
    expect(roadmapWindow(severity, effort)).toBe(expected);
  });

  it('dates a gap by its window from the as-of date, or by the answer\'s due, marking a past due overdue', () => {
    const list = checklist('r', [
      question('a', { severity: 'critical' }),
      question('b', { severity: 'high', effort: 'medium' }),
      question('c', { severity: 'low', effort: 'high', level: 1 }),
      question('d', { severity: 'high', effort: 'medium' }),
    ]);
    const assessment = score(buildCatalog([list]), answers({
      'r/a': 'no',
      'r/b': { value: 'no', due: '2026-01-15' },
      'r/c': 'no',
      'r/d': { value: 'partial', due: '2027-05-01' },
    }), { level: 3, asOf: '2026-12-06' });
    const items = Object.fromEntries(roadmap(assessment).map((item) => [item.result.question.id, item]));
    expect(items.a).toMatchObject({ window: 30, target: '2027-01-05', dueFromAnswers: false, overdue: false });
    expect(items.b).toMatchObject({ window: 60, target: '2026-01-15', dueFromAnswers: true, overdue: true });
    expect(items.c).toMatchObject({ window: 'later', target: undefined, overdue: false });
    expect(items.d).toMatchObject({ window: 60, target: '2027-05-01', overdue: false });
  });
});

describe('date arithmetic', () => {
  it('adds days across month, year and leap-day boundaries and counts them back', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    for (const days of [0, 1, 29, 365, 366, -400]) expect(daysBetween('2024-02-29', addDays('2024-02-29', days))).toBe(days);
  });
});
