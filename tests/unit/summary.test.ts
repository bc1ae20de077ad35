import type { Configuration } from 'markdownlint';
import { lint } from 'markdownlint/sync';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/catalog.js';
import { formatForFile } from '../../src/report/formats.js';
import { renderSummary, SUMMARY_ROWS } from '../../src/report/summary.js';
import { compareAssessments } from '../../src/scoring/compare.js';
import { score } from '../../src/scoring/score.js';
import { answers, checklist, question } from '../helpers/build.js';

const asOf = '2026-11-22';
const main = checklist('main', [
  question('mfa', { severity: 'critical', ask: 'Is MFA *required* | everywhere?' }),
  question('fixed', { severity: 'medium' }),
  question('new', { severity: 'high' }),
  question('open', { severity: 'low' }),
]);
const catalog = buildCatalog([main]);
const before = score(catalog, answers({ 'main/mfa': 'yes', 'main/fixed': 'no', 'main/open': 'no' }), { level: 1, asOf });
const after = score(catalog, answers({ 'main/mfa': 'no', 'main/fixed': 'yes', 'main/new': 'partial', 'main/open': 'no' }), { level: 1, asOf });

describe('renderSummary()', () => {
  it('with a baseline: score and grade before and after, and each changed answer with its id and severity', () => {
    const text = renderSummary(after, { comparison: compareAssessments(before, after), failOn: 'high' });
    expect(text).toContain(`| Score | ${before.score!.toFixed(1)} | **${after.score!.toFixed(1)}** |`);
    expect(text).toContain(`| Grade | ${before.grade} | **${after.grade}** |`);
    expect(text).toContain('1 regressed, 1 improved, 1 newly answered');
    expect(text).toMatch(/### Regressed \(1\)\n\n\| Severity \| Question \| Change \|\n\| --- \| --- \| --- \|\n\| critical \| main\/mfa: Is MFA \\\*required\\\* \\\| everywhere\? \| new gap \(yes -&gt; no\) \|/);
    expect(text).toContain('### Improved (1)');
    expect(text).toContain('| medium | main/fixed: Is fixed in place? | gap closed (no -&gt; yes) |');
    expect(text).toContain('### Newly answered (1)');
    expect(text).toContain('| high | main/new: Is new in place? | assessed for the first time (unanswered -&gt; partly) |');
    // Failing gaps: at or above --fail-on only.
    expect(text).toContain('### Failing gaps (--fail-on high) (2)');
    expect(text).not.toContain('| low | main/open');
  });

  it('without a baseline: score, grade, open gaps by severity and the top open gaps', () => {
    const text = renderSummary(after, {});
    expect(text).toContain(`Score **${after.score!.toFixed(1)}**, grade **${after.grade}`);
    expect(text).toContain('Open gaps: 1 critical, 1 high, 0 medium, 1 low; 0 questions unanswered.');
    expect(text).toContain('### Top open gaps (3)');
    expect(text).not.toContain('Baseline');
  });

  it('stays short: each list stops after a few rows with an "and N more" line', () => {
    const many = checklist('many', Array.from({ length: SUMMARY_ROWS + 7 }, (_, i) => question(`q${String(i).padStart(2, '0')}`, { severity: 'high' })));
    const wide = buildCatalog([many]);
    const ids = many.questions.map((q) => `many/${q.id}`);
    const was = score(wide, answers(Object.fromEntries(ids.map((id) => [id, 'yes']))), { level: 1, asOf });
    const now = score(wide, answers(Object.fromEntries(ids.map((id) => [id, 'no']))), { level: 1, asOf });
    const text = renderSummary(now, { comparison: compareAssessments(was, now), failOn: 'high' });
    expect(text.match(/\| new gap \(yes -&gt; no\) \|/g)).toHaveLength(SUMMARY_ROWS);
    expect(text.match(/^…and 7 more\.$/gm)).toHaveLength(2); // the regressions and the failing gaps
  });

  it('keeps hostile questions, ids and notes from adding structure, links or workflow commands', () => {
    const evil = 'x\n## Approved\n| a | b |\n::error::forged [link](https://evil.example) <img src=x> \u001b[31mred';
    const hostile = checklist('main', [question('mfa', { severity: 'critical', ask: evil })]);
    const cat = buildCatalog([hostile]);
    const was = score(cat, answers({ 'main/mfa': 'yes' }), { level: 1, asOf });
    const now = score(cat, answers({ 'main/mfa': { value: 'no', note: evil } }), { level: 1, asOf });
    const text = renderSummary(now, { comparison: compareAssessments(was, now), failOn: 'critical' });
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('#'))).toEqual(['## Security readiness', '### Regressed (1)', '### Failing gaps (--fail-on critical) (1)']);
    expect(lines.filter((l) => l.startsWith('|')).every((l) => l.split(/(?<!\\)\|/).length === 5)).toBe(true);
    expect(text).not.toMatch(/(?<!\\)\]\(|<img|\u001b|^::/m);
    expect(text).toContain('\\[link\\](https\\://evil.example)');
  });

  it('passes markdownlint, as a fragment under a job summary or in a comment', () => {
    // MD041 wants a top-level heading first: the summary is a section of a page, not a page.
    const config: Configuration = { default: true, MD013: false, MD041: false };
    for (const text of [renderSummary(after, { comparison: compareAssessments(before, after), failOn: 'high' }), renderSummary(after, {})]) {
      expect(lint({ strings: { summary: text }, config }).summary).toEqual([]);
    }
  });

  it('is what -o FILE.summary.md writes, and a file named after a format is that format', () => {
    expect(formatForFile('pr.summary.md')).toBe('summary');
    expect(formatForFile('pr.md')).toBe('markdown');
    expect(formatForFile('readiness.summary')).toBe('summary');
    expect(formatForFile('readiness.junit')).toBe('junit');
    expect(formatForFile('readiness.text')).toBe('text');
    expect(formatForFile('readiness.yaml')).toBeUndefined();
  });
});
