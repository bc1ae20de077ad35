import { describe, expect, it } from 'vitest';
import { parseMaxAge } from '../../src/answers/freshness.js';
import type { Answer, Answers } from '../../src/answers/model.js';
import { builtinChecklists } from '../../src/checklist/builtin.js';
import type { Level } from '../../src/checklist/schema.js';
import { REDACTED, pseudonym, redactAnswers } from '../../src/redact.js';
import { formatChange, sparkline } from '../../src/report/trend-text.js';
import { sharedScope } from '../../src/scoring/comparison-scope.js';
import { buildRollup } from '../../src/scoring/rollup.js';
import { buildTrend, byDate } from '../../src/scoring/trend.js';

const [social, privileged, backup] = builtinChecklists().filter((c) => ['social-media', 'privileged-access', 'backup-recovery'].includes(c.id));
const answersOf = (values: Record<string, Answer['value']>, extra: Partial<Answers> = {}): Answers => ({
  answers: new Map(Object.entries(values).map(([id, value]) => [id, { value }])),
  ...extra,
});

describe('sharedScope', () => {
  it('is the lowest level and the checklists every one covers, in the last one’s order', () => {
    const scope = sharedScope([
      { level: 2 as Level, checklists: [social!, privileged!, backup!] },
      { level: 3 as Level, checklists: [backup!, privileged!] },
      { level: 3 as Level, checklists: [privileged!, backup!, social!] },
    ]);
    expect(scope.level).toBe(2);
    expect(scope.levels).toEqual([2, 3]);
    expect(scope.checklists.map((c) => c.id)).toEqual(['privileged-access', 'backup-recovery']);
    expect(scope.otherChecklists).toBe(true);
    const same = sharedScope([{ level: 1 as Level, checklists: [social!] }, { level: 1 as Level, checklists: [social!] }]);
    expect(same).toMatchObject({ level: 1, levels: [], otherChecklists: false });
  });
});

describe('trend', () => {
  it('sparkline: one block per score, lowest to highest, a dot for n/a', () => {
    expect(sparkline([0, 50, 100, null])).toBe('▁▅█·');
    expect(formatChange(30.94, 46.9)).toBe('+16.0');
    expect(formatChange(50, 40)).toBe('-10.0');
    expect(formatChange(null, 40)).toBe('n/a');
  });

  it('byDate keeps the given order for the same date', () => {
    expect(byDate([{ date: '2026-02-01', n: 1 }, { date: '2026-01-01', n: 2 }, { date: '2026-02-01', n: 3 }]).map((x) => x.n)).toEqual([2, 1, 3]);
  });

  it('opens and closes gaps between sittings and ranks the areas by their change', () => {
    const scope = sharedScope([{ level: 3 as Level, checklists: [privileged!, backup!] }]);
    const trend = buildTrend(
      [
        { date: '2026-01-01', answers: answersOf({ 'privileged-access/admin-mfa': 'yes', 'backup-recovery/restore-tests': 'no' }) },
        { date: '2026-06-01', answers: answersOf({ 'privileged-access/admin-mfa': 'no', 'backup-recovery/restore-tests': 'yes' }) },
      ],
      scope,
    );
    expect(trend.steps[0]!.opened.map((r) => r.globalId)).toEqual(['privileged-access/admin-mfa']);
    expect(trend.steps[0]!.closed.map((r) => r.globalId)).toEqual(['backup-recovery/restore-tests']);
    expect(trend.improved.map((a) => a.checklist.id)).toEqual(['backup-recovery']);
    expect(trend.regressed.map((a) => a.checklist.id)).toEqual(['privileged-access']);
  });
});

describe('rollup', () => {
  const scope = sharedScope([{ level: 1 as Level, checklists: [privileged!] }]);
  const all = (value: Answer['value']) =>
    Object.fromEntries(privileged!.questions.filter((q) => q.level === 1).map((q) => [`privileged-access/${q.id}`, value]));

  it('weights the group score by weight, and lists gaps open in at least half of the units', () => {
    const rollup = buildRollup(
      [
        { name: 'good', answers: answersOf(all('yes'), { weight: 3 }) },
        { name: 'bad', answers: answersOf(all('no')) },
        { name: 'mixed', answers: answersOf({ ...all('yes'), 'privileged-access/admin-mfa': 'no' }) },
      ],
      scope,
      '2026-11-22',
    );
    const [good, bad, mixed] = rollup.units.map((u) => u.assessment.score!);
    expect(rollup.score).toBeCloseTo((3 * good! + bad! + mixed!) / 5, 10);
    expect(rollup.weighted).toBe(true);
    expect(rollup.checklists[0]!.weakest!.name).toBe('bad');
    // Open in 2 of 3 (bad and mixed): common; open only in bad: not.
    expect(rollup.commonGaps[0]).toMatchObject({ result: { globalId: 'privileged-access/admin-mfa' } });
    expect(rollup.commonGaps.every((g) => g.units.length >= 2)).toBe(true);
    expect(rollup.commonGaps.map((g) => g.result.globalId)).toEqual(['privileged-access/admin-mfa']);
  });

  it('lists units with unanswered questions or answers past max-age apart', () => {
    const rollup = buildRollup(
      [
        { name: 'complete', answers: answersOf(all('yes')) },
        { name: 'gaps', answers: answersOf({}) },
        {
          name: 'old',
          answers: {
            ...answersOf(all('yes')),
            answers: new Map(Object.keys(all('yes')).map((id) => [id, { value: 'yes' as const, answered: '2024-01-01' }])),
            maxAge: parseMaxAge('1y'),
          },
        },
      ],
      scope,
      '2026-11-22',
    );
    expect(rollup.apart.map((u) => u.name)).toEqual(['gaps', 'old']);
    expect(rollup.apart[1]!.staleAnswers).toBe(Object.keys(all('yes')).length);
  });
});

describe('redactAnswers', () => {
  it('keeps values and dates, removes what people wrote, and names the organisation by its pseudonym', () => {
    const answers = answersOf({}, { organization: 'Acme', assessor: 'Jo', date: '2026-01-01', file: 'acme.yaml' });
    answers.answers.set('x/y', {
      value: 'no',
      note: 'n',
      by: 'b',
      owner: 'o',
      due: '2026-02-01',
      answered: '2026-01-02',
      evidence: [{ href: 'https://a.example/', collected: '2026-01-01' }],
      accepted: { by: 'p', reason: 'r', until: '2026-12-31' },
    });
    const redacted = redactAnswers(answers, { pseudonym: pseudonym(27) });
    expect(redacted).toMatchObject({ organization: 'Unit AB', assessor: undefined, date: '2026-01-01', redacted: true });
    expect(redacted.answers.get('x/y')).toEqual({
      value: 'no',
      note: undefined,
      by: undefined,
      owner: undefined,
      due: '2026-02-01',
      answered: '2026-01-02',
      evidence: [{ text: REDACTED, collected: '2026-01-01' }],
      accepted: { by: REDACTED, reason: REDACTED, until: '2026-12-31' },
    });
    expect(redactAnswers(answers, { pseudonym: 'Unit A', keepNames: true }).organization).toBe('Acme');
    expect(answers.answers.get('x/y')!.note).toBe('n');
    expect([0, 25, 26].map(pseudonym)).toEqual(['Unit A', 'Unit Z', 'Unit AA']);
  });
});
