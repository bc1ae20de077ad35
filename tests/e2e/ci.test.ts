import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, run } from '../helpers/cli.js';
import { junitErrors, multitoolProblems, sarifSchemaErrors } from '../helpers/validators.js';

const PASS = 'examples/ci-pass.yaml';
const FAIL = 'examples/ci-fail.yaml';
const EXAMPLE = 'examples/northlight-pictures.yaml';
const AS_OF = ['--as-of', '2026-11-22'];
const tempDir = () => mkdtempSync(join(tmpdir(), 'breachready-ci-'));
const report = (...args: string[]) => run(['report', ...args, ...AS_OF]);

describe('policy flags and exit codes', () => {
  it.each([
    [[PASS, '--fail-on', 'high', '--min-score', '80', '--require-complete'], 0, ''],
    [[FAIL, '--fail-on', 'high', '--min-score', '80', '--require-complete'], 1, '--fail-on high: 1 open gap at or above high (1 high)'],
    [[FAIL, '--fail-on', 'critical'], 0, ''],
    [[FAIL], 0, ''],
    [[FAIL, '--fail-on', 'none'], 0, ''],
    [[EXAMPLE, '--min-score', '46'], 0, ''],
    [[EXAMPLE, '--min-score', '47'], 1, '--min-score 47: the score is 46.9'],
    [[EXAMPLE, '--require-complete'], 1, '--require-complete: 5 applicable questions are unanswered'],
    [[EXAMPLE, '--fail-on', 'low'], 1, '--fail-on low'],
    [[EXAMPLE, '--min-score', '101'], 2, '--min-score must be a number from 0 to 100'],
    [[EXAMPLE, '--fail-on', 'urgent'], 2, "argument 'urgent' is invalid"],
  ])('report --answers %j exits %i', (args, status, message) => {
    const [file, ...rest] = args as string[];
    const result = report('--answers', file!, '-f', 'json', ...rest);
    expect(result.status).toBe(status);
    if (message) expect(result.stderr).toContain(message);
    if (status !== 2) expect(JSON.parse(result.stdout).tool.name).toBe('breachready');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('does not fail on an accepted risk until it expires, then does', () => {
    const before = report('--answers', PASS, '--fail-on', 'high');
    expect(before.status).toBe(0);
    const after = run(['report', '--answers', PASS, '--fail-on', 'high', '--as-of', '2027-07-01']);
    expect(after.status).toBe(1);
    expect(after.stderr).toContain('1 of them with an expired risk acceptance');
  });

  it('still writes every report when the policy fails', () => {
    const dir = tempDir();
    const result = run(['report', '--answers', join(ROOT, FAIL), ...AS_OF, '--fail-on', 'high', '-o', 'r.md', '-o', 'junit.xml', '-o', 'results.sarif'], { cwd: dir });
    expect(result.status).toBe(1);
    for (const f of ['r.md', 'junit.xml', 'results.sarif']) expect(readFileSync(join(dir, f), 'utf8').length).toBeGreaterThan(100);
  });
});

describe('JUnit and SARIF outputs', () => {
  it('writes JUnit XML that is valid against the Jenkins junit-10 XSD', async () => {
    const dir = tempDir();
    expect(run(['report', '--answers', join(ROOT, EXAMPLE), ...AS_OF, '-o', 'junit.xml'], { cwd: dir }).status).toBe(0);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml).toMatch(/<testsuite name="social-media"/);
    expect(xml).toMatch(/<failure message="critical: answered [^"]+" type="critical">/);
    expect(xml).toContain('<skipped');
  });

  it('writes SARIF that passes the schema and Microsoft SARIF Multitool with GitHub rules', () => {
    const result = report('--answers', EXAMPLE, '--format', 'sarif');
    expect(result.status).toBe(0);
    expect(sarifSchemaErrors(result.stdout)).toEqual([]);
    expect(multitoolProblems(result.stdout)).toEqual([]);
    const log = JSON.parse(result.stdout);
    const first = log.runs[0].results[0];
    expect(first.ruleId).toBe('data-protection/no-plaintext-secrets');
    expect(first.locations[0].physicalLocation.artifactLocation.uri).toBe(EXAMPLE);
    const line = readFileSync(EXAMPLE, 'utf8').split('\n').findIndex((l) => l.includes('data-protection/no-plaintext-secrets:')) + 1;
    expect(first.locations[0].physicalLocation.region.startLine).toBe(line);
  });

  it('keeps SARIF fingerprints stable across runs and answer changes', () => {
    const a = JSON.parse(report('--answers', EXAMPLE, '-f', 'sarif').stdout);
    const b = JSON.parse(report('--answers', FAIL, '-f', 'sarif').stdout);
    const print = (log: { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] }, id: string) =>
      log.runs[0]!.results.find((r) => r.ruleId === id)?.partialFingerprints;
    expect(print(a, 'social-media/unique-credentials')).toEqual(print(b, 'social-media/unique-credentials'));
  });

  it('keeps hostile notes from breaking the XML or the SARIF JSON', async () => {
    const hostile = 'tests/fixtures/answers/hostile.yaml';
    const xml = report('--answers', hostile, '-f', 'junit');
    expect(xml.status).toBe(0);
    expect(await junitErrors(xml.stdout)).toEqual([]);
    expect(xml.stdout).not.toContain('<testcase name="forged"');
    const sarif = report('--answers', hostile, '-f', 'sarif');
    expect(sarifSchemaErrors(sarif.stdout)).toEqual([]);
    expect(sarif.stdout).not.toMatch(/\\u001b|\u001b/);
  });
});

describe('GitHub Actions', () => {
  const env = (summary: string) => ({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: ROOT });

  it('annotates the failing gaps, most severe first, and appends the job summary', () => {
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const result = run(['report', '--answers', EXAMPLE, ...AS_OF, '--fail-on', 'high', '-f', 'json'], { env: env(summary) });
    expect(result.status).toBe(1);
    JSON.parse(result.stdout); // stdout stays clean JSON
    const annotations = result.stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations.length).toBe(46);
    expect(annotations[0]).toMatch(/^::error file=examples\/northlight-pictures\.yaml,line=\d+,title=critical%3A data-protection\/no-plaintext-secrets::/);
    const severities = annotations.map((a) => /title=(\w+)%3A/.exec(a)?.[1]);
    expect(severities.indexOf('high')).toBeGreaterThan(severities.lastIndexOf('critical'));
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n# Security readiness report')).toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
  });

  it('cannot be made to run a workflow command from a note', () => {
    const summary = join(tempDir(), 'summary.md');
    const result = run(['report', '--answers', 'tests/fixtures/answers/hostile.yaml', ...AS_OF, '--fail-on', 'low'], { env: env(summary) });
    const commandLines = result.stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(commandLines.length).toBeGreaterThan(0);
    for (const line of commandLines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*,title=[^:]+::/);
    expect(result.stderr).not.toMatch(/^::set-output/m);
    expect(result.stderr).not.toMatch(/^::error file=x::/m);
    expect(result.stdout).not.toMatch(/^::/m);
  });

  it('prints no workflow commands outside GitHub Actions', () => {
    const result = report('--answers', EXAMPLE, '--fail-on', 'high', '-f', 'json');
    expect(result.stderr).not.toMatch(/^::/m);
  });
});

describe('baseline ratchet', () => {
  it('report --baseline --fail-on-regression passes when nothing got worse, even with open gaps', () => {
    const result = report('--answers', FAIL, '--baseline', FAIL, '--fail-on-regression', '-f', 'json');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).comparison).toMatchObject({ regressed: [], improved: [] });
  });

  it('fails on a regression and names it', () => {
    const result = report('--answers', FAIL, '--baseline', PASS, '--fail-on-regression');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('social-media/unique-credentials: new gap (yes -> no)');
    expect(result.stderr).toContain('--fail-on-regression: 1 regression since examples/ci-pass.yaml');
  });

  it('diff prints improvements and regressions in text, Markdown and JSON', () => {
    const text = run(['diff', FAIL, PASS, ...AS_OF]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('1 improved, 0 regressed');
    expect(text.stdout).toContain('social-media/unique-credentials: gap closed (no -> yes)');
    const md = run(['diff', FAIL, PASS, ...AS_OF, '-f', 'markdown']);
    expect(md.stdout).toMatch(/^## Since the baseline/);
    const json = JSON.parse(run(['diff', PASS, FAIL, ...AS_OF, '-f', 'json']).stdout);
    expect(json.regressed).toEqual([{ id: 'social-media/unique-credentials', severity: 'high', change: 'new-gap', before: 'yes', after: 'no' }]);
    expect(run(['diff', PASS, FAIL, ...AS_OF, '--fail-on-regression']).status).toBe(1);
    expect(run(['diff', FAIL, PASS, ...AS_OF, '--fail-on-regression']).status).toBe(0);
  });

  it('counts an expired acceptance and the new questions of an updated checklist as regressions', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'base.yaml'), readFileSync(PASS, 'utf8'));
    const now = readFileSync(PASS, 'utf8')
      .replace('until: 2027-06-30', 'until: 2026-01-31')
      .replace(/^answers:$/m, 'versions: { backup-recovery: 0.9.0 }\nanswers:')
      .replace(/\n {2}backup-recovery\/out-of-band-communications: yes\n/, '\n');
    writeFileSync(join(dir, 'now.yaml'), now);
    const result = run(['diff', join(dir, 'base.yaml'), join(dir, 'now.yaml'), ...AS_OF, '-f', 'json', '--fail-on-regression']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.regressed.map((r: { id: string; change: string }) => `${r.id} ${r.change}`).sort()).toEqual([
      'backup-recovery/out-of-band-communications new-gap',
      'backup-recovery/restore-tests acceptance-expired',
    ]);
    writeFileSync(join(dir, 'base2.yaml'), now);
    const update = JSON.parse(run(['diff', join(dir, 'base2.yaml'), join(dir, 'now.yaml'), ...AS_OF, '-f', 'json']).stdout);
    expect(update.regressed).toEqual([
      { id: 'backup-recovery/out-of-band-communications', severity: 'medium', change: 'new-question', before: null, after: 'unanswered' },
    ]);
  });
});

describe('stale answers files', () => {
  it('names the checklists updated since the answers were given and their unanswered questions', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'old.yaml'),
      'breachready: 1\nlevel: 1\nchecklists: [social-media]\nversions: { social-media: 0.9.0 }\nanswers:\n  social-media/has-social-accounts: yes\n  social-media/unique-credentials: yes\n',
    );
    const text = run(['report', '--answers', join(dir, 'old.yaml'), ...AS_OF]);
    expect(text.stdout).toContain('social-media was updated (0.9.0 -> 2.0.0) since these answers were given');
    expect(text.stdout).toContain('social-media/account-inventory');
    const json = run(['report', '--answers', join(dir, 'old.yaml'), ...AS_OF, '-f', 'json', '--require-complete']);
    expect(json.status).toBe(1);
    expect(json.stderr).toContain('note: checklist social-media was updated (0.9.0 -> 2.0.0)');
    expect(JSON.parse(json.stdout).stale).toEqual([
      {
        checklist: 'social-media',
        answeredVersion: '0.9.0',
        currentVersion: '2.0.0',
        unanswered: ['social-media/account-inventory', 'social-media/mfa-on-accounts'],
      },
    ]);
  });
});
