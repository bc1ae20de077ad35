import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog.js';
import { summarizeScope, whenApplicability } from '../../src/scoring/scope.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

const gated = checklist('brand', [
  question('has-accounts', { gate: true }),
  question('inventory', { when: { question: 'has-accounts', is: 'yes' } }),
  question('mfa', { when: { question: 'inventory', is: ['yes', 'partial'] }, severity: 'critical' }),
]);
const catalog = buildCatalog([gated]);
const entry = (id: string) => catalog.byId.get(`brand/${id}`)!;

describe('scoping', () => {
  it.each([
    ['yes', 'applies'],
    ['no', 'off'],
    ['unknown', 'kept'],
    ['partial', 'kept'],
    ['na', 'kept'],
  ] as const)('a gate answered %s leaves its dependent %s', (value, expected) => {
    const when = whenApplicability(catalog, answers({ 'brand/has-accounts': value }));
    expect(when(entry('inventory'))).toBe(expected);
    // The grandchild follows its chain: off above wins, kept above carries down.
    expect(when(entry('mfa'))).toBe(expected);
  });

  it('an unknown gate keeps a critical dependent scored as a gap', () => {
    const result = score(catalog, answers({ 'brand/has-accounts': 'unknown', 'brand/inventory': 'yes', 'brand/mfa': 'no' }), { level: 3, asOf: '2026-11-22' });
    expect(result.openBySeverity.critical).toBe(1);
    expect(result.scope.keptInScope).toEqual([{ entry: entry('has-accounts'), value: 'unknown', dependents: 2 }]);
    // The scoping question is not scored, so it is not counted as applicable.
    expect(result.counts.applicable).toBe(2);
    expect(result.counts.scoping).toBe(1);
    expect(result.checklists[0]!.applicable).toBe(2);
  });

  it('names the answers a decisive "no" sets aside, and the question that did it', () => {
    const summary = summarizeScope(catalog, answers({ 'brand/has-accounts': 'no', 'brand/inventory': 'yes', 'brand/mfa': 'no' }), 3);
    expect(summary.ignored.map((i) => [i.entry.globalId, i.by.globalId, i.value])).toEqual([
      ['brand/inventory', 'brand/has-accounts', 'no'],
      ['brand/mfa', 'brand/has-accounts', 'no'],
    ]);
  });

  it('settles a 20,000-question chain without deep recursion', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => question(`q${i}`, i ? { when: { question: `q${i - 1}`, is: 'yes' } } : { gate: true }));
    const long = buildCatalog([checklist('long', chain)]);
    const when = whenApplicability(long, answers({ 'long/q0': 'no' }));
    expect(when(long.byId.get('long/q19999')!)).toBe('off');
    expect(summarizeScope(long, answers({ 'long/q0': 'unknown' }), 3).keptInScope[0]!.dependents).toBe(19_999);
  });
});
