/** `--revisit stale`: which questions are due again and why, and the one line that says so. */
import { describe, expect, it } from 'vitest';
import { parseMaxAge } from '../../src/answers/freshness.js';
import { buildCatalog } from '../../src/catalog.js';
import { expectsEvidence, revisitPlan, revisitReasons, revisitSummary } from '../../src/interview/revisit.js';
import { answers, checklist, question } from '../helpers/build.js';

const catalog = buildCatalog([checklist('r', [question('gate', { gate: true, severity: 'critical' }), question('crit', { severity: 'critical' }), question('low', { severity: 'low' })])]);
const [gate, crit, low] = catalog.entries as [(typeof catalog.entries)[number], (typeof catalog.entries)[number], (typeof catalog.entries)[number]];
const AS_OF = '2027-11-22';
const YEAR = parseMaxAge('1y');

describe('revisitReasons()', () => {
  it('unanswered, stale past the maximum age, expired evidence, and a yes at high or above without current evidence', () => {
    expect(revisitReasons(crit, undefined, AS_OF, YEAR)).toEqual(['unanswered']);
    expect(revisitReasons(crit, { value: undefined, note: 'ask Bob' }, AS_OF, YEAR)).toEqual(['unanswered']);
    expect(revisitReasons(low, { value: 'yes', answered: '2026-11-21' }, AS_OF, YEAR)).toEqual(['stale']);
    expect(revisitReasons(low, { value: 'yes', answered: '2026-11-22' }, AS_OF, YEAR)).toEqual([]);
    expect(revisitReasons(low, { value: 'no', evidence: [{ href: 'https://a.example', expires: '2027-11-21' }] }, AS_OF, YEAR)).toEqual(['expired evidence']);
    expect(revisitReasons(crit, { value: 'partial', answered: '2027-11-01' }, AS_OF, YEAR)).toEqual(['unverified']);
    expect(revisitReasons(crit, { value: 'yes', answered: '2027-11-01', evidence: [{ path: 'a.pdf' }] }, AS_OF, YEAR)).toEqual([]);
    // No maximum age: nothing is stale; a scoping question is never unverified.
    expect(revisitReasons(low, { value: 'yes', answered: '2000-01-01' }, AS_OF)).toEqual([]);
    expect(revisitReasons(gate, { value: 'yes', answered: '2027-11-01' }, AS_OF, YEAR)).toEqual([]);
  });

  it('expectsEvidence(): a yes or partial to a high or critical question that is not a scoping one', () => {
    expect(expectsEvidence(crit.question, 'yes')).toBe(true);
    expect(expectsEvidence(crit.question, 'partial')).toBe(true);
    expect(expectsEvidence(crit.question, 'no')).toBe(false);
    expect(expectsEvidence(low.question, 'yes')).toBe(false);
    expect(expectsEvidence(gate.question, 'yes')).toBe(false);
  });
});

describe('revisitSummary(): one line, how many and why', () => {
  it('counts each reason, and says when no maximum age is set', () => {
    const given = answers({ 'r/gate': { value: 'yes', answered: '2025-01-01' }, 'r/crit': { value: 'yes', answered: '2025-01-01' } });
    expect(revisitSummary(revisitPlan(catalog.entries, given.answers, AS_OF, YEAR), 3)).toBe(
      'Revisiting 3 of 3 applicable questions: 2 stale (answered more than 1y before 2027-11-22), 1 unverified (yes or partial at high or critical, no current evidence), 1 unanswered.',
    );
    expect(revisitSummary(revisitPlan([gate], given.answers, AS_OF), 1)).toBe(
      "Nothing to revisit among 1 applicable question; no answer counts as stale: neither --max-age nor the file's max-age: sets a maximum age.",
    );
  });
});
