import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, run } from '../helpers/cli.js';

// A level-1 sitting on six checklists, then a level-2 sitting on those six plus governance.
const LEVEL1 = 'tests/fixtures/compare/level1.yaml';
const LEVEL2 = 'tests/fixtures/compare/level2.yaml';
const COMMON = ['social-media', 'privileged-access', 'backup-recovery', 'email-security', 'patch-management', 'incident-response'];
const AS_OF = ['--as-of', '2026-11-22'];
const NARROWED =
  'note: compared at level 1 (the baseline was assessed at level 1) on the 6 checklists both cover; 30 questions left out (23 above level 1, 7 in other checklists)\n';

interface Item {
  id: string;
  change: string;
  before: string | null;
  after: string;
}
const ids = (items: Item[]) => items.map((i) => i.id).sort();
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown> & { regressed: Item[]; improved: Item[]; firstAssessed: Item[] };
/** The score `report` gives an answers file on its own, with these options. */
const ownScore = (file: string, ...options: string[]) => JSON.parse(run(['report', '--answers', file, ...AS_OF, '-f', 'json', ...options]).stdout).score as number;

describe('comparing assessments at different levels or checklist sets', () => {
  it('diff compares the lower level and the common checklists, and says so in one line', () => {
    const result = run(['diff', LEVEL1, LEVEL2, ...AS_OF, '-f', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(NARROWED);
    const data = json(result.stdout);
    expect(data).toMatchObject({ level: 1, checklists: COMMON });
    // The baseline's figure is the one its own report gives at that scope.
    const checklistArgs = COMMON.flatMap((id) => ['--checklist', id]);
    expect(data.scoreBefore).toBe(ownScore(LEVEL1, '--level', '1', ...checklistArgs));
    expect(data.scoreAfter).toBe(ownScore(LEVEL2, '--level', '1', ...checklistArgs));
    expect(data.scoreBefore).not.toBe(ownScore(LEVEL1, '--level', '2'));
    expect(ids(data.regressed)).toEqual(['privileged-access/admin-mfa']);
    expect(ids(data.improved)).toEqual([
      'backup-recovery/offline-immutable-copy',
      'backup-recovery/restore-tests',
      'incident-response/pre-authorised-isolation',
      'privileged-access/dedicated-admin-accounts',
    ]);
    // Open in the baseline or not in its scope (no brand accounts then): listed apart, never improved.
    expect(data.firstAssessed.map((i) => `${i.id} ${i.before} -> ${i.after}`).sort()).toEqual([
      'backup-recovery/continuity-plan-wiper unanswered -> no',
      'backup-recovery/out-of-band-communications unanswered -> no',
      'email-security/encrypt-external unanswered -> partial',
      'email-security/phishing-report-button unanswered -> yes',
      'incident-response/extortion-decision-process unanswered -> no',
      'social-media/account-inventory null -> yes',
      'social-media/mfa-on-accounts null -> yes',
      'social-media/unique-credentials null -> no',
    ]);
    expect(new Set(data.firstAssessed.map((i) => i.change))).toEqual(new Set(['first-assessed']));
  });

  it('diff lists the questions assessed for the first time apart in text and Markdown', () => {
    const text = run(['diff', LEVEL1, LEVEL2, ...AS_OF]);
    expect(text.status).toBe(0);
    expect(text.stderr).toBe(NARROWED);
    expect(text.stdout).toMatch(/^Since the baseline \(level 1, 6 checklists\): score 46\.0 -> \d+\.\d, 4 improved, 1 regressed, 8 assessed for the first time\n/);
    expect(text.stdout).toContain('Assessed for the first time (8)\n');
    expect(text.stdout).toContain('  MEDIUM   email-security/phishing-report-button: assessed for the first time (unanswered -> yes)\n');
    expect(text.stdout).toContain('  HIGH     social-media/unique-credentials: assessed for the first time (not asked -> no)\n');
    expect(text.stdout).not.toContain('governance/');
    expect(text.stdout).not.toContain('privileged-access/entitlement-review');
    const md = run(['diff', LEVEL1, LEVEL2, ...AS_OF, '-f', 'markdown']);
    expect(md.stdout).toContain('Compared at level 1 on the 6 checklists both assessments cover.');
    expect(md.stdout).toMatch(/### Assessed for the first time\n\n\| Severity \| Question \| Change \| Answer \|\n/);
    expect(md.stdout.split('### Improved')[1]!.split('### Assessed')[0]).not.toContain('social-media/');
  });

  it('report --baseline compares on the common scope while the report keeps its own level', () => {
    const result = run(['report', '--answers', LEVEL2, '--baseline', LEVEL1, ...AS_OF, '-f', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(NARROWED);
    const report = JSON.parse(result.stdout);
    expect(report.level).toBe(2);
    expect(report.score).toBe(ownScore(LEVEL2));
    const diff = json(run(['diff', LEVEL1, LEVEL2, ...AS_OF, '-f', 'json']).stdout);
    expect({ ...report.comparison, baseline: LEVEL1, current: LEVEL2 }).toEqual(diff);
    const md = run(['report', '--answers', LEVEL2, '--baseline', LEVEL1, ...AS_OF, '-f', 'markdown']).stdout;
    expect(md).toContain('### Assessed for the first time');
    const text = run(['report', '--answers', LEVEL2, '--baseline', LEVEL1, ...AS_OF]);
    expect(text.stderr.startsWith(NARROWED)).toBe(true);
    expect(text.stderr).toContain('4 improved, 1 regressed, 8 assessed for the first time');
  });

  it('the higher-level file may be the baseline: the current answers set the level then', () => {
    const result = run(['diff', LEVEL2, LEVEL1, ...AS_OF, '-f', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'note: compared at level 1 (the current answers were assessed at level 1) on the 6 checklists both cover; 30 questions left out (23 above level 1, 7 in other checklists)\n',
    );
    expect(json(result.stdout).scoreBefore).toBe(ownScore(LEVEL2, '--level', '1', ...COMMON.flatMap((id) => ['--checklist', id])));
  });

  it('--level caps both files and --checklist restricts both', () => {
    const result = run(['diff', LEVEL1, LEVEL2, ...AS_OF, '-f', 'json', '--level', '3', '--checklist', 'privileged-access']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('note: compared at level 1 (the baseline was assessed at level 1) on the 1 checklist both cover; 5 questions above level 1 left out\n');
    const data = json(result.stdout);
    expect(data).toMatchObject({ level: 1, checklists: ['privileged-access'] });
    expect(data.scoreBefore).toBe(ownScore(LEVEL1, '--checklist', 'privileged-access'));
    // Asked for level 1 outright: nothing is narrowed beyond what was asked, so nothing to say.
    const asked = run(['diff', LEVEL1, LEVEL2, ...AS_OF, '--level', '1', '--checklist', 'privileged-access']);
    expect(asked.stderr).toBe('');
  });

  it('--fail-on-regression counts only what got worse on the common scope', () => {
    const result = run(['diff', LEVEL1, LEVEL2, ...AS_OF, '--fail-on-regression']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--fail-on-regression: 1 regression since tests/fixtures/compare/level1.yaml');
    expect(hasStackTrace(result.stderr)).toBe(false);
    // Fix the one regression: gaps in questions asked for the first time do not fail the ratchet.
    const dir = mkdtempSync(join(tmpdir(), 'breachready-compare-'));
    const fixed = join(dir, 'fixed.yaml');
    writeFileSync(fixed, readFileSync(LEVEL2, 'utf8').replace('privileged-access/admin-mfa: partial', 'privileged-access/admin-mfa: yes'));
    const passed = run(['report', '--answers', fixed, '--baseline', LEVEL1, ...AS_OF, '-f', 'json', '--fail-on-regression']);
    expect(passed.stderr).toBe(NARROWED);
    expect(passed.status).toBe(0);
    expect(JSON.parse(passed.stdout).comparison.regressed).toEqual([]);
  });

  it('refuses to compare files that have no checklist in common', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-compare-'));
    const governance = join(dir, 'governance.yaml');
    writeFileSync(governance, 'breachready: 1\nlevel: 1\nchecklists: [governance]\nanswers: {}\n');
    const result = run(['diff', governance, 'examples/ci-pass.yaml', ...AS_OF, '--fail-on-regression']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`breachready: nothing to compare: ${governance} and examples/ci-pass.yaml have no checklist in common\n`);
  });

  it('says nothing more when both files cover the same scope', () => {
    const result = run(['diff', 'examples/ci-fail.yaml', 'examples/ci-pass.yaml', ...AS_OF, '-f', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(json(result.stdout)).toMatchObject({ level: 1, checklists: ['social-media', 'privileged-access', 'backup-recovery'], firstAssessed: [] });
  });

  it('reads a copied baseline\'s checklist files next to the current answers file when they are not next to the copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-compare-'));
    const copy = join(dir, 'baseline.yaml');
    copyFileSync('tests/fixtures/answers/minimal.yaml', copy);
    const result = run(['diff', copy, 'tests/fixtures/answers/minimal.yaml', ...AS_OF, '-f', 'json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(json(result.stdout)).toMatchObject({ level: 1, checklists: ['social-media', 'our-vendors'], regressed: [], improved: [], firstAssessed: [] });
  });
});
