/** What evidence means on the as-of date: register states, re-confirmation, unverified answers, integrity and the policies. */
import { describe, expect, it } from 'vitest';
import { parseMaxAge } from '../../src/answers/freshness.js';
import type { EvidenceItem } from '../../src/answers/model.js';
import { buildCatalog } from '../../src/catalog.js';
import type { FileCheck } from '../../src/evidence/check.js';
import { evidencePolicyReasons, evidenceStatus, reviewEvidence } from '../../src/evidence/review.js';
import { evidenceWarnings, ownerDueText, plannedGaps } from '../../src/report/evidence-text.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const AS_OF = '2027-12-10';

describe('evidenceStatus', () => {
  const file: EvidenceItem = { path: 'e.pdf', sha256: SHA, expires: '2027-01-01' };
  it.each([
    ['a refused file, even expired', file, { status: 'refused', reason: 'x' }, 'refused'],
    ['a missing file', file, { status: 'missing' }, 'missing'],
    ['a file whose content changed', file, { status: 'found', sha256: OTHER }, 'changed'],
    ['a matching file past its expiry', file, { status: 'found', sha256: SHA }, 'expired'],
    ['a matching file', { path: 'e.pdf', sha256: SHA }, { status: 'found', sha256: SHA }, 'current'],
    ['a file recorded without a hash', { path: 'e.pdf' }, { status: 'found', sha256: SHA }, 'not checked'],
    ['a link', { href: 'https://a.example' }, undefined, 'not checked'],
    ['an expired link', { href: 'https://a.example', expires: '2027-12-09' }, undefined, 'expired'],
  ] as [string, EvidenceItem, FileCheck | undefined, string][])('%s: %s', (_what, item, check, expected) => {
    expect(evidenceStatus(item, check, AS_OF)).toBe(expected);
  });
});

describe('reviewEvidence', () => {
  const list = checklist('r', [
    question('crit', { severity: 'critical' }),
    question('high', { severity: 'high' }),
    question('med', { severity: 'medium' }),
    question('gap', { severity: 'high' }),
  ]);
  const good: EvidenceItem = { path: 'good.pdf', sha256: SHA, at: { line: 9, col: 9 } };
  const tampered: EvidenceItem = { path: 'bad.pdf', sha256: SHA, at: { line: 14, col: 11 } };
  const expiredLink: EvidenceItem = { href: 'https://wiki.example', expires: '2027-11-20', at: { line: 7, col: 9 } };
  const given = answers({
    'r/crit': { value: 'yes', answered: '2026-12-06', owner: 'IT', evidence: [expiredLink, good] },
    'r/high': { value: 'partial', answered: '2027-06-01', evidence: [tampered] },
    'r/med': { value: 'yes', answered: '2026-01-01', evidence: [{ text: 'ticket SEC-1' }] },
    'r/gap': { value: 'no', due: '2027-03-31', owner: 'Ops' },
  });
  const assessment = score(buildCatalog([list]), given, { level: 3, asOf: AS_OF });
  const checks = new Map<EvidenceItem, FileCheck>([
    [good, { status: 'found', sha256: SHA }],
    [tampered, { status: 'found', sha256: OTHER }],
  ]);
  const all = [expiredLink, good, tampered];
  const review = reviewEvidence(assessment, all, checks, { file: 'answers.yaml', maxAge: parseMaxAge('12m'), requireEvidence: 'high' });

  it('registers links and files (not the shorthand text) with their state, in question order', () => {
    expect(review.register.map((r) => [r.result.question.id, r.item.href ?? r.item.path, r.status])).toEqual([
      ['crit', 'https://wiki.example', 'expired'],
      ['crit', 'good.pdf', 'current'],
      ['high', 'bad.pdf', 'changed'],
    ]);
  });

  it('lists stale answers and expired evidence for re-confirmation, never as gaps', () => {
    expect(review.reconfirm.map((r) => [r.result.question.id, r.stale, r.ageDays, r.expired.length])).toEqual([
      ['crit', true, 369, 1],
      ['med', true, 708, 0],
    ]);
    // The stale yes answers (crit, med) are no gaps; the partial is one anyway.
    expect(assessment.openGaps.map((r) => r.question.id)).toEqual(['gap', 'high']);
  });

  it('without a maximum age nothing is stale; expired evidence still needs re-confirmation', () => {
    const plain = reviewEvidence(assessment, all, checks, { file: 'answers.yaml' });
    expect(plain.reconfirm.map((r) => [r.result.question.id, r.stale])).toEqual([['crit', false]]);
    expect(plain.unverified).toEqual([]);
  });

  it('a yes or partial at or above --require-evidence with no current evidence is unverified (a changed file counts for nothing)', () => {
    expect(review.unverified.map((r) => r.question.id)).toEqual(['high']);
  });

  it('names each integrity finding at its entry', () => {
    expect(review.integrity).toEqual([
      { file: 'answers.yaml', line: 14, col: 11, message: `evidence "bad.pdf" changed since it was recorded: SHA-256 ${'b'.repeat(12)}, recorded ${'a'.repeat(12)}` },
    ]);
  });

  it('fails --fail-on-stale only at or above --fail-on, and --require-evidence on the unverified', () => {
    expect(evidencePolicyReasons(review, { failOn: 'critical', failOnStale: true })).toEqual([
      '--fail-on-stale: 1 answer at or above critical needs re-confirmation (1 stale, 1 with expired evidence): r/crit',
      '--require-evidence high: 1 yes or partial answer without current evidence (r/high)',
    ]);
    expect(evidencePolicyReasons(review, { failOn: 'none', failOnStale: true })).toEqual(['--require-evidence high: 1 yes or partial answer without current evidence (r/high)']);
    expect(evidencePolicyReasons({ ...review, unverified: [] }, { failOn: 'low', failOnStale: false })).toEqual([]);
  });

  it('gives CI warnings at the answer, or at the expired item when the answer is not stale', () => {
    expect(evidenceWarnings(review).map((w) => [w.result.question.id, w.kind, w.line])).toEqual([
      ['crit', 'stale', given.answers.get('r/crit')!.line],
      ['med', 'stale', given.answers.get('r/med')!.line],
      ['high', 'unverified', given.answers.get('r/high')!.line],
    ]);
    const plain = reviewEvidence(assessment, all, checks, { file: 'answers.yaml' });
    expect(evidenceWarnings(plain).map((w) => w.line)).toEqual([7]);
  });

  it('says owner and due, overdue when the due date has passed', () => {
    const gap = assessment.openGaps.find((r) => r.question.id === 'gap')!;
    expect(ownerDueText(gap, plannedGaps(assessment).get(gap))).toBe('owner Ops, due 2027-03-31 (overdue)');
  });
});
