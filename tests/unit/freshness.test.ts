import { describe, expect, it } from 'vitest';
import { freshSince, freshness, hasCurrentEvidence, isExpired, parseMaxAge } from '../../src/answers/freshness.js';

describe('maximum age', () => {
  it.each([
    ['90d', { amount: 90, unit: 'd' }],
    ['12m', { amount: 12, unit: 'm' }],
    [' 1y ', { amount: 1, unit: 'y' }],
  ] as const)('reads %j', (text, expected) => {
    expect(parseMaxAge(text)).toMatchObject(expected);
  });

  it.each(['', '0d', '12', 'm', '1.5y', '-3d', '12M', '12 m', '99999d', '1w'])('refuses %j', (text) => {
    expect(parseMaxAge(text)).toBeUndefined();
  });

  it.each([
    ['2027-12-06', '12m', '2026-12-06'],
    ['2027-12-06', '1y', '2026-12-06'],
    ['2026-03-31', '1m', '2026-02-28'],
    ['2024-03-31', '1m', '2024-02-29'],
    ['2026-01-15', '2m', '2025-11-15'],
    ['2026-12-06', '90d', '2026-09-07'],
  ])('on %s, %s keeps answers from %s on', (asOf, age, since) => {
    expect(freshSince(asOf, parseMaxAge(age)!)).toBe(since);
  });
});

describe('freshness of an answer', () => {
  const maxAge = parseMaxAge('12m')!;
  it('is stale when answered before the maximum age, fresh on the boundary day', () => {
    expect(freshness({ answered: '2026-12-05' }, '2027-12-06', maxAge)).toMatchObject({ stale: true, ageDays: 366 });
    expect(freshness({ answered: '2026-12-06' }, '2027-12-06', maxAge)).toMatchObject({ stale: false, ageDays: 365 });
  });

  it('never calls an undated answer stale, nor any answer without a maximum age', () => {
    expect(freshness({}, '2027-12-06', maxAge)).toEqual({ ageDays: undefined, stale: false, expiredEvidence: [] });
    expect(freshness({ answered: '2010-01-01' }, '2027-12-06').stale).toBe(false);
  });

  it('lists evidence past its expiry date (the expiry day itself still counts)', () => {
    const evidence = [{ href: 'https://a.example/', expires: '2027-01-01' }, { href: 'https://b.example/', expires: '2027-01-02' }, { path: 'c.pdf' }];
    expect(freshness({ evidence }, '2027-01-02').expiredEvidence).toEqual([evidence[0]]);
    expect(isExpired({ expires: '2027-01-02' }, '2027-01-02')).toBe(false);
  });
});

describe('current evidence', () => {
  it('counts any item not expired, the shorthand text included', () => {
    expect(hasCurrentEvidence({}, '2027-01-01')).toBe(false);
    expect(hasCurrentEvidence({ evidence: [{ text: 'ticket SEC-1' }] }, '2027-01-01')).toBe(true);
    expect(hasCurrentEvidence({ evidence: [{ href: 'https://a.example/', expires: '2026-12-31' }] }, '2027-01-01')).toBe(false);
    expect(hasCurrentEvidence({ evidence: [{ href: 'https://a.example/', expires: '2026-12-31' }, { path: 'b.pdf' }] }, '2027-01-01')).toBe(true);
  });
});
