import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog.js';
import { escapeWorkflowData, escapeWorkflowProperty, renderAnnotations } from '../../src/report/github.js';
import { compareAssessments } from '../../src/scoring/compare.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

const asOf = '2026-11-22';

/** What a note can try against the runner's line-based command parser. */
const HOSTILE =
  'first\n::set-output name=x::y\r\n::error::forged\r::warning file=a,line=1::x\u2028::notice::ls\u2029::debug::p ' +
  '\u0085::group::nel \u000b::vt \u000c::ff nul\u0000 esc\u001b[31mred\u001b[0m 100% %0A %25 a,b:c lone\ud800 ::stop-commands::tok';

const list = checklist('access', [
  question('mfa', { severity: 'critical' }),
  question('shared', { severity: 'high' }),
  question('logs', { severity: 'medium' }),
  question('audit', { severity: 'low' }),
  question('email', { severity: 'critical' }),
  question('ok', { severity: 'critical' }),
  question('vendor', { severity: 'critical' }),
]);
const catalog = buildCatalog([list]);

function assess(note = 'Shared admin account.') {
  return score(
    catalog,
    answers({
      'access/mfa': { value: 'no', note, line: 7 },
      'access/shared': { value: 'partial', line: 9 },
      'access/logs': { value: 'unknown', line: 10 },
      // access/audit is unanswered
      'access/email': { value: 'no', line: 12, accepted: { by: 'CISO', reason: 'gateway in Q1', until: '2027-03-31' } },
      'access/ok': { value: 'yes', line: 13 },
      'access/vendor': { value: 'na', note, line: 14 },
    }),
    { level: 3, asOf },
  );
}

describe('escapeWorkflowData() / escapeWorkflowProperty()', () => {
  it('escape as @actions/core does', () => {
    expect(escapeWorkflowData('100% done\nnext line')).toBe('100%25 done%0Anext line');
    expect(escapeWorkflowData('%0A')).toBe('%250A');
    expect(escapeWorkflowData('a:b,c')).toBe('a:b,c');
    expect(escapeWorkflowProperty('a:b,c%\nd')).toBe('a%3Ab%2Cc%25%0Ad');
  });

  it('remove control characters first, so only \\n remains to escape', () => {
    expect(escapeWorkflowData('a\r\nb\rc')).toBe('a%0Ab%0Ac');
    expect(escapeWorkflowData('x\u001b[31my\u0000\u0007\u0085\u2028z')).toBe('xyz');
    expect(escapeWorkflowData('lone\ud800 pair\ud83d\ude00')).toBe('lone pair\ud83d\ude00');
  });
});

describe('renderAnnotations()', () => {
  it('emits one command per open gap at or above failOn, most severe first', () => {
    const out = renderAnnotations(assess(), { answersPath: 'answers/acme.yaml', answersLine: 5, failOn: 'low' });
    expect(out.split('\n')).toEqual([
      '::error file=answers/acme.yaml,line=7,title=critical%3A access/mfa::Is mfa in place?%0AAnswered: no. Note: Shared admin account.%0AFix: Put mfa in place.',
      '::error file=answers/acme.yaml,line=9,title=high%3A access/shared::Is shared in place?%0AAnswered: partly.%0AFix: Put shared in place.',
      "::warning file=answers/acme.yaml,line=10,title=medium%3A access/logs::Is logs in place?%0AAnswered: don't know.%0AFix: Put logs in place.",
      '::notice file=answers/acme.yaml,line=5,title=low%3A access/audit::Is audit in place?%0ANot answered.%0AFix: Put audit in place.',
      '',
    ]);
  });

  it.each([
    ['critical', ['access/mfa']],
    ['high', ['access/mfa', 'access/shared']],
    ['medium', ['access/mfa', 'access/shared', 'access/logs']],
    ['low', ['access/mfa', 'access/shared', 'access/logs', 'access/audit']],
  ] as const)('failOn %s annotates %j', (failOn, ids) => {
    const out = renderAnnotations(assess(), { answersPath: 'a.yaml', failOn });
    expect([...out.matchAll(/title=\w+%3A ([^:]+)::/g)].map((m) => m[1])).toEqual(ids);
  });

  it('is empty when nothing reaches failOn', () => {
    const clean = score(catalog, answers({ 'access/mfa': 'yes', 'access/email': 'yes', 'access/ok': 'yes', 'access/vendor': 'yes' }), { level: 3, asOf });
    expect(renderAnnotations(clean, { answersPath: 'a.yaml', failOn: 'critical' })).toBe('');
  });

  it('says when a risk acceptance has expired', () => {
    const expired = score(catalog, answers({ 'access/email': { value: 'no', line: 3, accepted: { by: 'CISO', reason: 'r', until: '2026-01-01' } } }), {
      level: 3,
      asOf,
    });
    expect(renderAnnotations(expired, { answersPath: 'a.yaml', failOn: 'critical' })).toContain('%0ARisk acceptance by CISO expired on 2026-01-01.%0A');
  });

  it('with failOnRegression, also annotates the open gaps that regressed since the baseline, whatever their severity', () => {
    const now = assess();
    const was = score(catalog, answers({ 'access/mfa': 'no', 'access/logs': 'yes', 'access/audit': 'yes' }), { level: 3, asOf });
    const comparison = compareAssessments(was, now);
    const ids = (out: string) => [...out.matchAll(/title=\w+%3A ([^:]+)::/g)].map((m) => m[1]);
    expect(ids(renderAnnotations(now, { answersPath: 'a.yaml', failOn: 'critical', comparison, failOnRegression: true }))).toEqual(['access/mfa', 'access/logs', 'access/audit']);
    expect(renderAnnotations(now, { answersPath: 'a.yaml', comparison, failOnRegression: true })).toContain(
      "::warning file=a.yaml,line=10,title=medium%3A access/logs::Is logs in place?%0AAnswered: don't know.%0ARegressed since the baseline: new gap (yes -> don't know).%0AFix: Put logs in place.",
    );
    // Without the ratchet, a comparison alone annotates nothing more.
    expect(ids(renderAnnotations(now, { answersPath: 'a.yaml', failOn: 'critical', comparison }))).toEqual(['access/mfa']);
  });

  it('omits file and line without an answers file, and without a known line', () => {
    expect(renderAnnotations(assess(), { failOn: 'critical' })).toMatch(/^::error title=critical%3A access\/mfa::/);
    expect(renderAnnotations(assess(), { answersPath: '-', failOn: 'critical' })).toMatch(/^::error title=/);
    expect(renderAnnotations(assess(), { answersPath: 'a.yaml', failOn: 'low' })).toContain('::notice file=a.yaml,title=low%3A access/audit::');
  });

  it('escapes the file name as a property', () => {
    const out = renderAnnotations(assess(), { answersPath: 'dir,x/a:b%\n::error::x.yaml', failOn: 'critical' });
    expect(out).toMatch(/^::error file=dir%2Cx\/a%3Ab%25%0A%3A%3Aerror%3A%3Ax\.yaml,line=7,title=/);
    expect(out.split('\n')).toHaveLength(2);
  });

  it('never lets hostile text start a new line or a new command', () => {
    const out = renderAnnotations(assess(HOSTILE), { answersPath: 'answers/acme.yaml', answersLine: 5, failOn: 'low' });
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning|notice) file=answers\/acme\.yaml,line=\d+,title=(critical|high|medium|low)%3A access\/[a-z]+::[^\n]*$/);
      // The message (after the first `::` that closes the properties) holds no line break of any kind.
      expect(line).not.toMatch(/[\r\n\u000b\u000c\u0085\u2028\u2029]/);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    // Every forged command stays inside the first line's message.
    expect(out.match(/^::/gm)).toHaveLength(4);
    for (const forged of ['::set-output', '::error::forged', '::warning file=a,line=1', '::notice::ls', '::debug::p', '::group::nel', '::stop-commands::']) {
      expect(lines.filter((line) => line.includes(forged))).toHaveLength(1);
      expect(lines[0]!.indexOf(forged)).toBeGreaterThan(lines[0]!.indexOf('Note: '));
    }
    expect(lines[0]).toContain('Note: first ::set-output name=x::y ::error::forged ::warning file=a,line=1::x');
    expect(lines[0]).toContain('100%25 %250A %2525 a,b:c lone ::stop-commands::tok');
  });

  it('is byte-identical for the same input', () => {
    const options = { answersPath: 'a.yaml', failOn: 'low' } as const;
    expect(renderAnnotations(assess(HOSTILE), options)).toBe(renderAnnotations(assess(HOSTILE), options));
  });
});
