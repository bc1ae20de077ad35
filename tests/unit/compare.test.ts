import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog.js';
import { comparisonData, renderComparisonMarkdown, renderComparisonText, scopeNote } from '../../src/report/comparison.js';
import { compareAssessments } from '../../src/scoring/compare.js';
import { commonScope, isNarrowed, leftOut } from '../../src/scoring/comparison-scope.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

const asOf = '2026-11-22';
// `gate` decides whether `follow` applies; `later` is a level-2 question.
const main = checklist('main', [
  question('gate', { severity: 'low', gate: true }),
  question('follow', { severity: 'high', when: { question: 'gate', is: 'yes' } }),
  question('open', { severity: 'critical' }),
  question('fixed', { severity: 'medium' }),
  question('slipped', { severity: 'high' }),
  question('still-open', { severity: 'low' }),
  question('later', { severity: 'high', level: 2 }),
]);
const other = checklist('other', [question('only-now')]);
const catalog = buildCatalog([main]);

const before = score(catalog, answers({ 'main/gate': 'no', 'main/fixed': 'no', 'main/slipped': 'yes' }), { level: 1, asOf });
const after = score(
  catalog,
  answers({ 'main/gate': 'yes', 'main/follow': 'no', 'main/open': 'partial', 'main/fixed': 'yes', 'main/slipped': 'no' }),
  { level: 1, asOf },
);
const summary = (list: { kind: string; result: { globalId: string } }[]) => list.map((c) => `${c.result.globalId} ${c.kind}`);

describe('compareAssessments()', () => {
  const comparison = compareAssessments(before, after);

  it('lists questions answered for the first time apart: unanswered before, or not asked at all', () => {
    expect(summary(comparison.firstAssessed)).toEqual(['main/open first-assessed', 'main/follow first-assessed']);
    expect(comparison.firstAssessed.map((c) => c.before)).toEqual(['unanswered', undefined]);
  });

  it('gives each checklist its score before and after, as each assessment scored it', () => {
    expect(comparison.checklistScores).toEqual([{ id: 'main', title: main.title, before: before.checklists[0]!.score, after: after.checklists[0]!.score }]);
    expect(comparison.checklistScores[0]!.before).not.toBe(comparison.checklistScores[0]!.after);
  });

  it('never counts a question the baseline lacked or left open as improved or regressed', () => {
    expect(summary(comparison.improved)).toEqual(['main/fixed gap-closed']);
    expect(summary(comparison.regressed)).toEqual(['main/slipped new-gap']);
  });

  it('still counts a question new in scope and left unanswered as a regression', () => {
    const opened = score(catalog, answers({ 'main/gate': 'yes', 'main/fixed': 'no', 'main/slipped': 'yes' }), { level: 1, asOf });
    const result = compareAssessments(before, opened);
    expect(summary(result.regressed)).toEqual(['main/follow new-question']);
    expect(result.firstAssessed).toEqual([]);
    expect(result.improved).toEqual([]);
  });

  it('records the level and checklists it compared on', () => {
    expect(comparison).toMatchObject({ level: 1, checklists: ['main'] });
  });
});

describe('commonScope() and leftOut()', () => {
  it('takes the lower level and the checklists both cover, in the current order', () => {
    const scope = commonScope({ level: 1, checklists: [main] }, { level: 2, checklists: [other, main] });
    expect(scope).toEqual({ level: 1, checklists: [main], lowerLevel: 'baseline', otherChecklists: true });
    expect(isNarrowed(scope)).toBe(true);
    expect(commonScope({ level: 3, checklists: [main] }, { level: 2, checklists: [main] }).lowerLevel).toBe('current');
  });

  it('is not narrowed when both cover the same', () => {
    const scope = commonScope({ level: 2, checklists: [main, other] }, { level: 2, checklists: [other, main] });
    expect(scope).toEqual({ level: 2, checklists: [other, main], lowerLevel: undefined, otherChecklists: false });
    expect(isNarrowed(scope)).toBe(false);
  });

  it('counts each question left out once, by why', () => {
    const scope = commonScope({ level: 1, checklists: [main] }, { level: 2, checklists: [main, other] });
    const wide = buildCatalog([main, other]);
    const own = [before, score(wide, answers({ 'main/later': 'yes' }), { level: 2, asOf }), score(wide, answers({}), { level: 2, asOf })];
    expect(leftOut(scope, own)).toEqual({ aboveLevel: 1, otherChecklists: 1 });
  });
});

describe('scopeNote()', () => {
  const scope = commonScope({ level: 1, checklists: [main] }, { level: 2, checklists: [main, other] });

  it('says in one line what was compared, why, and what was left out', () => {
    expect(scopeNote(scope, { aboveLevel: 34, otherChecklists: 8 })).toBe(
      'note: compared at level 1 (the baseline was assessed at level 1) on the 1 checklist both cover; 42 questions left out (34 above level 1, 8 in other checklists)',
    );
    expect(scopeNote(scope, { aboveLevel: 34, otherChecklists: 0 })).toMatch(/; 34 questions above level 1 left out$/);
    expect(scopeNote(scope, { aboveLevel: 0, otherChecklists: 1 })).toMatch(/; 1 question in other checklists left out$/);
    expect(scopeNote(scope, { aboveLevel: 0, otherChecklists: 0 })).toMatch(/; no applicable question left out$/);
    const current = commonScope({ level: 3, checklists: [main] }, { level: 2, checklists: [main] });
    expect(scopeNote(current, { aboveLevel: 1, otherChecklists: 0 })).toBe(
      'note: compared at level 2 (the current answers were assessed at level 2) on the 1 checklist both cover; 1 question above level 2 left out',
    );
  });
});

describe('comparison renderers', () => {
  const comparison = compareAssessments(before, after);

  it('show the questions assessed for the first time in their own section of text, Markdown and JSON', () => {
    const text = renderComparisonText(comparison);
    expect(text).toMatch(/^Since the baseline \(level 1, 1 checklist\): score [\d.]+ -> [\d.]+, 1 improved, 1 regressed, 2 assessed for the first time\n/);
    expect(text).toContain('\nAssessed for the first time (2)\n  CRITICAL main/open: assessed for the first time (unanswered -> partly)\n  HIGH     main/follow: assessed for the first time (not asked -> no)\n');
    const markdown = renderComparisonMarkdown(comparison);
    expect(markdown).toContain('Compared at level 1 on the 1 checklist both assessments cover.');
    expect(markdown.split('### Assessed for the first time')[1]).toContain('(main/follow) | assessed for the first time | not asked -&gt; no |');
    expect(markdown.split('### Improved')[1]!.split('### Assessed')[0]).not.toContain('main/open');
    const data = comparisonData(comparison);
    expect(data).toMatchObject({ level: 1, checklists: ['main'] });
    expect(data.firstAssessed).toEqual([
      { id: 'main/open', severity: 'critical', change: 'first-assessed', before: 'unanswered', after: 'partial' },
      { id: 'main/follow', severity: 'high', change: 'first-assessed', before: null, after: 'no' },
    ]);
  });
});
