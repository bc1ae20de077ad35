/**
 * A verdict you can trust: scoping answers that prove nothing keep questions in scope, answers the
 * assessment sets aside are named on stderr, and every figure a policy judges is the one printed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, run } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-11-22'];
const FAIL = readFileSync(join(ROOT, 'examples/ci-fail.yaml'), 'utf8');
const tempDir = () => mkdtempSync(join(tmpdir(), 'breachready-verdict-'));

/** ci-fail.yaml with the brand-accounts scoping question answered `value`. */
function withScoping(value: string): string {
  const dir = tempDir();
  const file = join(dir, 'answers.yaml');
  const text = FAIL.replace('social-media/has-social-accounts: yes', `social-media/has-social-accounts: ${value}`);
  expect(text).not.toBe(FAIL);
  writeFileSync(file, text);
  return file;
}

describe('a scoping question answered indefinitely keeps its checklist in scope', () => {
  it.each(['unknown', 'partial'])('%s: the brand-account gap still fails the gate, and stderr says why', (value) => {
    const file = withScoping(value);
    const result = run(['report', '--answers', file, '--fail-on', 'high', '--require-complete', '-f', 'json', ...AS_OF]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--fail-on high: 1 open gap at or above high (1 high)');
    expect(result.stderr).toMatch(/note: social-media\/has-social-accounts is answered (don't know|partly): kept 3 questions that depend on it in scope/);
    const report = JSON.parse(result.stdout);
    expect(report.grade).toBe('B');
    expect(report.scope.keptInScope).toEqual([{ question: 'social-media/has-social-accounts', answer: value, dependents: 3 }]);
    expect(report.gaps.map((g: { id: string }) => g.id)).toContain('social-media/unique-credentials');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('the Markdown report names the checklist kept in scope', () => {
    const result = run(['report', '--answers', withScoping('unknown'), '-f', 'markdown', ...AS_OF]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\*\*Kept in scope\.\*\* Social-media and shared brand accounts: the scoping question .* is answered don't know, which does not rule it out, so the 3 questions that depend on it are kept in scope and scored\./);
  });

  it('an unanswered scoping question is unanswered for --require-complete', () => {
    const dir = tempDir();
    const file = join(dir, 'a.yaml');
    writeFileSync(file, FAIL.replace('social-media/has-social-accounts: yes', 'social-media/has-social-accounts:'));
    const result = run(['report', '--answers', file, '--require-complete', '-f', 'json', ...AS_OF]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--require-complete: 1 applicable question is unanswered (social-media/has-social-accounts)');
  });
});

describe('answers the assessment sets aside are named on stderr', () => {
  it('a scoping "no" that switches off answered questions: report and validate warn', () => {
    const file = withScoping('no');
    const warning = 'warning: 3 answers ignored: social-media/has-social-accounts is answered no, so 3 questions that depend on it do not apply';
    const report = run(['report', '--answers', file, '-f', 'json', ...AS_OF]);
    expect(report.status).toBe(0);
    expect(report.stderr).toContain(warning);
    expect(JSON.parse(report.stdout).scope.ignoredAnswers).toHaveLength(3);
    const validate = run(['validate', file]);
    expect(validate.status).toBe(0);
    expect(validate.stdout).toContain('ok  ');
    expect(validate.stderr).toContain(warning);
  });

  it('report --checklist says how many answers it did not use', () => {
    const result = run(['report', '--answers', 'examples/ci-fail.yaml', '--checklist', 'privileged-access', '--fail-on', 'high', '-f', 'json', ...AS_OF]);
    expect(result.stderr).toContain('warning: 10 answers ignored: their checklists are not selected (--checklist)');
    expect(result.stderr.split('\n').filter((l) => l.includes('ignored'))).toHaveLength(1);
  });

  it('a selected checklist with no answers says so instead of a bare 0.0', () => {
    const result = run(['report', '--answers', 'examples/ci-fail.yaml', '--checklist', 'privileged-access', '--checklist', 'email-security', '--level', '1', ...AS_OF]);
    expect(result.stderr).toContain('note: no answers yet for 1 checklist: email-security');
    expect(result.stdout).toMatch(/email-security .* 0\.0 .*open gaps?, no answers/);
    const markdown = run(['report', '--answers', 'examples/ci-fail.yaml', '--checklist', 'email-security', '--level', '1', '-f', 'markdown', ...AS_OF]);
    expect(markdown.stdout).toContain("| E-mail security and encryption | 0.0 (no answers) | 6 | 0 | 6 |");
  });
});

describe('the Applicable column agrees with the score formula', () => {
  it('leaves the scoping question out of the count', () => {
    const result = run(['report', '--answers', 'examples/ci-fail.yaml', '-f', 'markdown', ...AS_OF]);
    // Level 1 social media: one scoping question and three scored ones.
    expect(result.stdout).toMatch(/\| Social-media and shared brand accounts \| 66\.7 \| 3 \| 3 \| 1 \|/);
    expect(result.stdout).toContain('**Answered:** 12 of 12 applicable questions, and 1 of 1 scoping question (not scored)');
  });
});

describe('--min-score judges the figure it prints', () => {
  it('a score printed as 96.7 passes --min-score 96.7', () => {
    const dir = tempDir();
    const questions = ['critical', 'high', 'medium', 'low']
      .map((severity) => `  - { id: ${severity}, ask: "${severity}?", help: h, severity: ${severity}, level: 1, why: w, fix: f, effort: low, refs: { cis-v8: ["1.1"] } }`)
      .join('\n');
    writeFileSync(join(dir, 'c.yaml'), `id: rounding\ntitle: Rounding\nversion: 1.0.0\nsummary: s\nlesson: l\nsources: [{ publication: X, title: Y, date: 2014-11 }]\nquestions:\n${questions}\n`);
    // 8 + 4 + 2 + 0.5 of 15 = 96.666...: shown as 96.7.
    writeFileSync(
      join(dir, 'a.yaml'),
      'breachready: 1\nchecklists: [c.yaml]\nanswers:\n  rounding/critical: yes\n  rounding/high: yes\n  rounding/medium: yes\n  rounding/low: partial\n',
    );
    const pass = run(['report', '--answers', join(dir, 'a.yaml'), '--min-score', '96.7', '-f', 'json', ...AS_OF]);
    expect(JSON.parse(pass.stdout).score).toBe(96.7);
    expect(pass.status).toBe(0);
    const fail = run(['report', '--answers', join(dir, 'a.yaml'), '--min-score', '96.8', '-f', 'json', ...AS_OF]);
    expect(fail.status).toBe(1);
    expect(fail.stderr).toContain('--min-score 96.8: the score is 96.7');
  });
});

describe('standard input has one name in every output', () => {
  it('JUnit and annotations name no file for --answers -', () => {
    const dir = tempDir();
    const junit = join(dir, 'r.xml');
    const result = run(['report', '--answers', '-', '--fail-on', 'high', '-o', junit, ...AS_OF], { input: FAIL, env: { GITHUB_ACTIONS: 'true' } });
    expect(result.status).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).not.toContain('stdin');
    expect(xml).not.toMatch(/ file="/);
    const annotations = result.stderr.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations.length).toBeGreaterThan(0);
    for (const line of annotations) expect(line).not.toMatch(/file=/);
  });
});
