/**
 * A consultant's year, through the built CLI and without the interview: a first sitting with
 * evidence files, a clean report; a year later stale answers and expired evidence are listed and
 * `--fail-on-stale` fails; a tampered file is caught and a link out of the folder refused.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, run } from '../helpers/cli.js';
import { markdownStructure } from '../helpers/markdown.js';
import { junitErrors, reportSchemaErrors, sarifSchemaErrors } from '../helpers/validators.js';

const FIRST_SITTING = ['--as-of', '2026-12-06'];
const A_YEAR_LATER = ['--as-of', '2027-12-10', '--max-age', '12m'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A client folder: the answers file and its evidence folder; lines of note are numbered in comments. */
function clientFolder(): { dir: string; answers: string } {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-year-'));
  mkdirSync(join(dir, 'evidence'));
  const policy = 'Conditional access: MFA for every admin role.\n';
  const backups = 'Backup restore test, 2026-11-30: passed.\n';
  writeFileSync(join(dir, 'evidence', 'conditional-access.txt'), policy);
  writeFileSync(join(dir, 'evidence', 'restore-test.txt'), backups);
  const answers = join(dir, 'answers.yaml');
  writeFileSync(
    answers,
    [
      'breachready: 1',
      'organization: Acme',
      'checklists: [privileged-access]',
      'answers:',
      '  privileged-access/admin-mfa:', // line 5
      '    answer: yes',
      '    answered: 2026-12-06',
      '    owner: IT manager',
      '    evidence:',
      '      - href: https://wiki.example/mfa-policy', // line 10
      '        expires: 2027-11-20',
      '      - path: evidence/conditional-access.txt', // line 12
      `        sha256: ${sha256(policy)}`,
      '        collected: 2026-12-06',
      '  privileged-access/break-glass-accounts:', // line 15
      '    answer: yes',
      '    answered: 2026-12-06',
      '    evidence:',
      '      - path: evidence/restore-test.txt',
      `        sha256: ${sha256(backups)}`,
      '        collected: 2026-12-06',
      '  privileged-access/dedicated-admin-accounts:', // line 22
      '    answer: no',
      '    owner: Ops lead',
      '    due: 2027-03-31',
      '',
    ].join('\n'),
  );
  return { dir, answers };
}

describe("a consultant's year with evidence", () => {
  it('first sitting: a clean report with the evidence register, owners and due dates; the JSON report fits its published schema', async () => {
    const { answers } = clientFolder();
    const text = run(['report', answers, ...FIRST_SITTING]);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Evidence register (3 items)');
    expect(text.stdout).toMatch(/current +privileged-access\/admin-mfa\n +evidence\/conditional-access\.txt\n +sha256 [0-9a-f]{12} · collected 2026-12-06\n/);
    expect(text.stdout).toMatch(/not checked +privileged-access\/admin-mfa\n +https:\/\/wiki\.example\/mfa-policy\n +expires 2027-11-20\n/);
    expect(text.stdout).toContain('Owner Ops lead, due 2027-03-31\n');
    expect(text.stdout).not.toContain('Needs re-confirmation');

    const markdown = run(['report', answers, '-f', 'markdown', ...FIRST_SITTING]);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain('| Question | Evidence | SHA-256 | Collected | Expires | Status |');
    // An href is text, never a live link.
    expect(markdown.stdout).toContain('| `privileged-access/admin-mfa` | https\\://wiki.example/mfa-policy | — | — | 2027-11-20 | **not checked** |');
    expect(markdown.stdout).toContain('| Owner and due |');
    expect(markdown.stdout).toContain('| owner Ops lead, due 2027-03-31 |');

    const json = run(['report', answers, '-f', 'json', ...FIRST_SITTING]);
    expect(json.status).toBe(0);
    expect(reportSchemaErrors(json.stdout)).toEqual([]);
    const data = JSON.parse(json.stdout) as { schemaVersion: number; evidence: { register: { status: string; line: number }[]; needsReconfirmation: unknown[]; integrity: unknown[] } };
    expect(data.schemaVersion).toBe(2);
    expect(data.evidence.register.map((r) => [r.status, r.line])).toEqual([
      ['not checked', 10],
      ['current', 12],
      ['current', 19],
    ]);
    expect(data.evidence.needsReconfirmation).toEqual([]);
    expect(data.evidence.integrity).toEqual([]);
    expect(await junitErrors(run(['report', answers, '-f', 'junit', ...FIRST_SITTING]).stdout)).toEqual([]);
  });

  it('a year later: stale answers and expired evidence are listed with owner and age, the score is unchanged, and --fail-on-stale exits 1', async () => {
    const { answers } = clientFolder();
    const before = JSON.parse(run(['report', answers, '-f', 'json', ...FIRST_SITTING]).stdout) as { score: number; gaps: unknown[] };
    const later = run(['report', answers, '-f', 'json', ...A_YEAR_LATER]);
    expect(later.status).toBe(0);
    expect(reportSchemaErrors(later.stdout)).toEqual([]);
    const data = JSON.parse(later.stdout) as {
      score: number;
      gaps: { id: string; overdue: boolean; owner: string | null }[];
      evidence: { maxAge: string; needsReconfirmation: { id: string; owner: string | null; ageDays: number; stale: boolean; expiredEvidence: string[] }[] };
    };
    expect(data.score).toBe(before.score);
    expect(data.gaps.length).toBe(before.gaps.length);
    expect(data.gaps.find((g) => g.id === 'privileged-access/dedicated-admin-accounts')).toMatchObject({ owner: 'Ops lead', overdue: true });
    expect(data.evidence.maxAge).toBe('12m');
    expect(data.evidence.needsReconfirmation).toEqual([
      { id: 'privileged-access/admin-mfa', severity: 'critical', owner: 'IT manager', answered: '2026-12-06', ageDays: 369, stale: true, expiredEvidence: ['https://wiki.example/mfa-policy'], line: 5 },
      { id: 'privileged-access/break-glass-accounts', severity: 'medium', owner: null, answered: '2026-12-06', ageDays: 369, stale: true, expiredEvidence: [], line: 15 },
    ]);

    const text = run(['report', answers, ...A_YEAR_LATER]);
    expect(text.stdout).toContain('Needs re-confirmation (2): not gaps, the score is unchanged');
    expect(text.stdout).toContain('owner IT manager, age 369 days');
    expect(text.stdout).toContain('evidence expired 2027-11-20: https://wiki.example/mfa-policy');
    const markdown = run(['report', answers, '-f', 'markdown', ...A_YEAR_LATER]).stdout;
    expect(markdown).toContain('## Needs re-confirmation');
    expect(markdown).toContain('| owner Ops lead, due 2027-03-31 (**overdue**) |');

    // Byte-identical for the same --as-of.
    expect(run(['report', answers, '-f', 'markdown', ...A_YEAR_LATER]).stdout).toBe(markdown);

    // Stale answers are warnings at their lines in the CI formats.
    const sarif = run(['report', answers, '-f', 'sarif', ...A_YEAR_LATER]).stdout;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const results = (JSON.parse(sarif) as { runs: { results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }).runs[0]!.results;
    const warnings = results.filter((r) => r.message.text.startsWith('Needs re-confirmation'));
    expect(warnings.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['privileged-access/admin-mfa', 'warning', 5],
      ['privileged-access/break-glass-accounts', 'warning', 15],
    ]);
    const junit = run(['report', answers, '-f', 'junit', ...A_YEAR_LATER]).stdout;
    expect(await junitErrors(junit)).toEqual([]);
    expect(junit).toContain(`<system-out>warning: Needs re-confirmation: stale: answered 2026-12-06, 369 days ago (max age 12m); evidence expired 2027-11-20: https://wiki.example/mfa-policy; owner IT manager. (${answers}:5)</system-out>`);

    // The policy: stale answers at or above --fail-on fail; below it they do not.
    const failing = run(['report', answers, '-f', 'json', '--fail-on', 'critical', '--fail-on-stale', ...A_YEAR_LATER]);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toBe(
      'breachready: policy failed:\n  --fail-on-stale: 1 answer at or above critical needs re-confirmation (1 stale, 1 with expired evidence): privileged-access/admin-mfa\n',
    );
    // Without --fail-on nothing is at or above it: said, not silently passed.
    const unguarded = run(['report', answers, '-f', 'json', '--fail-on-stale', ...A_YEAR_LATER]);
    expect(unguarded.status).toBe(0);
    expect(unguarded.stderr).toBe('warning: --fail-on-stale fails nothing with --fail-on none: give --fail-on a severity\n');
    // Expired evidence fails with no maximum age at all; a month earlier nothing has run out.
    expect(run(['report', answers, '--fail-on', 'critical', '--fail-on-stale', '--as-of', '2027-12-10']).status).toBe(1);
    expect(run(['report', answers, '--fail-on', 'critical', '--fail-on-stale', '--as-of', '2027-11-01', '--max-age', '12m']).status).toBe(0);

    // The file's own max-age applies, and --max-age overrides it.
    writeFileSync(answers, readFileSync(answers, 'utf8').replace('organization: Acme\n', 'organization: Acme\nmax-age: 2y\n'));
    const own = JSON.parse(run(['report', answers, '-f', 'json', '--as-of', '2027-12-10']).stdout) as { evidence: { maxAge: string; needsReconfirmation: { stale: boolean }[] } };
    expect([own.evidence.maxAge, own.evidence.needsReconfirmation.map((r) => r.stale)]).toEqual(['2y', [false]]);
    const overridden = JSON.parse(run(['report', answers, '-f', 'json', ...A_YEAR_LATER]).stdout) as typeof own;
    expect([overridden.evidence.maxAge, overridden.evidence.needsReconfirmation.map((r) => r.stale)]).toEqual(['12m', [true, true]]);
  });

  it('a tampered evidence file fails the report: exit 1, its entry at file:line:col on stderr; validate warns', () => {
    const { dir, answers } = clientFolder();
    appendFileSync(join(dir, 'evidence', 'restore-test.txt'), 'edited later\n');
    const report = run(['report', answers, '-f', 'json', ...FIRST_SITTING]);
    expect(report.status).toBe(1);
    expect(hasStackTrace(report.stderr)).toBe(false);
    expect(report.stderr).toMatch(
      new RegExp(`^breachready: policy failed:\\n  ${escapeRegExp(answers)}:19:9: evidence "evidence/restore-test.txt" changed since it was recorded: SHA-256 [0-9a-f]{12}, recorded [0-9a-f]{12}\\n$`),
    );
    expect((JSON.parse(report.stdout) as { evidence: { register: { status: string }[] } }).evidence.register.map((r) => r.status)).toEqual(['not checked', 'current', 'changed']);

    const validated = run(['validate', answers]);
    expect(validated.status).toBe(0);
    expect(validated.stderr).toMatch(new RegExp(`^${escapeRegExp(answers)}:19:9: warning: evidence "evidence/restore-test.txt" changed since it was recorded`));
  });

  it('a missing file and a symbolic link out of the folder are integrity findings: exit 1, one line each', () => {
    const { dir, answers } = clientFolder();
    const outside = mkdtempSync(join(tmpdir(), 'breachready-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'not evidence\n');
    // The policy file becomes a link to a file outside the client folder; the restore test is gone.
    symlinkSwap(join(dir, 'evidence', 'conditional-access.txt'), join(outside, 'secret.txt'));
    symlinkSwap(join(dir, 'evidence', 'restore-test.txt'), undefined);
    const report = run(['report', answers, '-o', join(dir, 'report.md'), ...FIRST_SITTING]);
    expect(report.status).toBe(1);
    const lines = report.stderr.split('\n').filter((l) => l.includes(':9: evidence'));
    expect(lines).toEqual([
      `  ${answers}:12:9: evidence "evidence/conditional-access.txt" refused: a symbolic link on its way leads out of the answers file's folder`,
      `  ${answers}:19:9: evidence "evidence/restore-test.txt" is missing`,
    ]);
  });

  it('bad --max-age is a usage error naming the flag; --require-evidence fails a yes without current evidence', () => {
    const { answers } = clientFolder();
    const bad = run(['report', answers, '--max-age', '12 months', ...FIRST_SITTING]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--max-age must be a whole number of days, months or years, e.g. 90d, 12m or 1y (got "12 months")');

    expect(run(['report', answers, '--require-evidence', 'medium', ...FIRST_SITTING]).status).toBe(0);
    // A year later the critical answer's link has expired, but its file still counts.
    expect(run(['report', answers, '--require-evidence', 'medium', '--as-of', '2027-12-10']).status).toBe(0);

    // A partial to a high question, with no evidence: unverified at or below high, a warning in SARIF.
    appendFileSync(answers, '  privileged-access/entitlement-review:\n    answer: partial\n');
    expect(run(['report', answers, '--require-evidence', 'critical', ...FIRST_SITTING]).status).toBe(0);
    const unverified = run(['report', answers, '-f', 'sarif', '--require-evidence', 'high', ...FIRST_SITTING]);
    expect(unverified.status).toBe(1);
    expect(unverified.stderr).toBe('breachready: policy failed:\n  --require-evidence high: 1 yes or partial answer without current evidence (privileged-access/entitlement-review)\n');
    const results = (JSON.parse(unverified.stdout) as { runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[] }).runs[0]!.results;
    expect(results.filter((r) => r.message.text.startsWith('Unverified'))).toEqual([
      expect.objectContaining({ ruleId: 'privileged-access/entitlement-review', level: 'warning', message: { text: 'Unverified: answered partial with no current evidence (--require-evidence high).' } }),
    ]);
  });
});

describe('evidence text is untrusted', () => {
  it('hrefs and paths are escaped in every report, stripped of control characters, and never a live link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-year-'));
    const answers = join(dir, 'answers.yaml');
    writeFileSync(
      answers,
      [
        'breachready: 1',
        'checklists: [privileged-access]',
        'answers:',
        '  privileged-access/admin-mfa:',
        '    answer: yes',
        '    evidence:',
        '      - href: "https://evil.example/[click](https://x.example)<b>"',
        '      - path: "evidence/\\e[31mred|<img src=x>\\u202e.txt"',
        '',
      ].join('\n'),
    );
    for (const format of ['text', 'markdown', 'json', 'junit', 'sarif']) {
      const report = run(['report', answers, '-f', format, ...FIRST_SITTING]);
      expect(report.status).toBe(1);
      for (const output of [report.stdout, report.stderr]) expect(output).not.toMatch(/[\u001b\u202e]/);
      if (format === 'markdown') {
        expect(report.stdout).toContain('| `privileged-access/admin-mfa` | https\\://evil.example/\\[click\\](https\\://x.example)&lt;b&gt; |');
        expect(report.stdout).toContain('| `privileged-access/admin-mfa` | evidence/red\\|&lt;img src=x&gt;.txt |');
        expect(report.stdout).not.toContain('<img');
        // No link, image or HTML from the input, and every table row keeps its columns.
        const structure = markdownStructure(report.stdout);
        expect(structure.forbidden).toEqual([]);
        for (const rows of structure.tables) expect(new Set(rows).size).toBe(1);
      }
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces a file by a symbolic link to `target`, or removes it when there is none. */
function symlinkSwap(file: string, target: string | undefined): void {
  rmSync(file);
  if (target !== undefined) symlinkSync(target, file);
}
