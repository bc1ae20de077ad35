/** `breachready evidence add|list` through the built CLI: what is recorded, what is refused, and what is listed. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, run } from '../helpers/cli.js';


const ANSWERS = [
  '# Client: Acme. Keep private.',
  'breachready: 1',
  'checklists:',
  '  - privileged-access',
  'answers:',
  '  # asked the IT lead on Monday',
  '  privileged-access/admin-mfa: yes # all admins',
  '  privileged-access/dedicated-admin-accounts:',
  '    answer: partial',
  '    owner: IT manager # since June',
  '    evidence: ticket SEC-12',
  '',
].join('\n');

/** A folder with the answers file in audit/ and evidence files beside it (and one outside). */
function client(): { dir: string; answers: string; text: () => string; files: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-evidence-cmd-'));
  mkdirSync(join(dir, 'audit', 'evidence'), { recursive: true });
  writeFileSync(join(dir, 'audit', 'a.yaml'), ANSWERS);
  writeFileSync(join(dir, 'audit', 'evidence', 'policy.txt'), 'policy v1\n');
  writeFileSync(join(dir, 'outside.txt'), 'not for the auditor\n');
  symlinkSync(join(dir, 'outside.txt'), join(dir, 'audit', 'evidence', 'link.txt'));
  const answers = join(dir, 'audit', 'a.yaml');
  return { dir, answers, text: () => readFileSync(answers, 'utf8'), files: () => readdirSync(join(dir, 'audit')).sort() };
}

const fileHash = (content: string) => createHash('sha256').update(content).digest('hex');

describe('breachready evidence add', () => {
  it('records a file with its SHA-256 and date, keeps the comments and other fields, and writes atomically', () => {
    const { answers, text, files } = client();
    const added = run(['evidence', 'add', 'privileged-access/admin-mfa', 'evidence/policy.txt', '--answers', answers, '--as-of', '2026-11-22']);
    expect(added.stderr).toBe(`added file evidence/policy.txt (sha256 ${fileHash('policy v1\n').slice(0, 12)}…, collected 2026-11-22) for privileged-access/admin-mfa in ${answers}\n`);
    expect(added.status).toBe(0);
    expect(added.stdout).toBe('');
    expect(text()).toBe(
      ANSWERS.replace(
        '  privileged-access/admin-mfa: yes # all admins\n',
        `  privileged-access/admin-mfa:\n    answer: yes\n    evidence:\n      - path: evidence/policy.txt\n        sha256: ${fileHash('policy v1\n')}\n        collected: 2026-11-22\n    # all admins\n`,
      ),
    );
    // No temporary file or lock left beside the answers.
    expect(files()).toEqual(['a.yaml', 'evidence']);
    expect(run(['validate', answers]).status).toBe(0);
  });

  it('never duplicates an item: the same file again changes nothing, a changed file is refreshed in place', () => {
    const { dir, answers, text } = client();
    const add = (asOf: string) => run(['evidence', 'add', 'privileged-access/admin-mfa', 'evidence/policy.txt', '--answers', answers, '--as-of', asOf]);
    expect(add('2026-11-22').status).toBe(0);
    const once = text();
    const again = add('2026-11-22');
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('is already recorded for privileged-access/admin-mfa');
    expect(text()).toBe(once);
    writeFileSync(join(dir, 'audit', 'evidence', 'policy.txt'), 'policy v2\n');
    const refreshed = add('2027-11-22');
    expect(refreshed.stderr).toMatch(/^refreshed file evidence\/policy\.txt/);
    expect(text()).toBe(once.replace(fileHash('policy v1\n'), fileHash('policy v2\n')).replace('collected: 2026-11-22', 'collected: 2027-11-22'));
  });

  it('a link becomes an href item with its expiry; shorthand evidence text moves to the note', () => {
    const { answers, text } = client();
    const added = run(['evidence', 'add', 'privileged-access/dedicated-admin-accounts', 'https://wiki.example/admins', '--expires', '2027-11-20', '--answers', answers]);
    expect(added.status).toBe(0);
    expect(text()).toContain(
      '  privileged-access/dedicated-admin-accounts:\n    answer: partial\n    owner: IT manager # since June\n    note: "Evidence: ticket SEC-12"\n    evidence:\n      - href: https://wiki.example/admins\n        expires: 2027-11-20\n',
    );
    expect(text().startsWith('# Client: Acme. Keep private.\n')).toBe(true);
  });

  it.each([
    [['privileged-access/admin-mfa', '../outside.txt'], "evidence must be a file inside the answers file's folder"],
    [['privileged-access/admin-mfa', 'evidence/link.txt'], "evidence file leads outside the answers file's folder through a symlink"],
    [['privileged-access/admin-mfa', 'evidence/missing.pdf'], 'evidence file not found: "evidence/missing.pdf"'],
    [['privileged-access/admin-mfa', 'evidence'], 'evidence must be a file, not a directory: "evidence"'],
    [['privileged-access/admin-mfaa', 'evidence/policy.txt'], 'unknown question "admin-mfaa" in checklist "privileged-access" (did you mean "privileged-access/admin-mfa"?)'],
    [['privileged-access/admin-mfa', 'ftp://files.example/x'], 'evidence links must be http or https addresses: "ftp://files.example/x"'],
    [['privileged-access/admin-mfa', 'https://a.example', '--expires', '2026-02-30'], '--expires must be a date, YYYY-MM-DD (got "2026-02-30")'],
    [['privileged-access/admin-mfa', 'https://a.example', '--expires', '2020-01-01'], '--expires 2020-01-01 is before'],
  ])('refuses %j: one line, exit 2, the file untouched', (args, message) => {
    const { answers, text, files } = client();
    const result = run(['evidence', 'add', ...args, '--answers', answers]);
    expect(result.status).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(text()).toBe(ANSWERS);
    expect(files()).toEqual(['a.yaml', 'evidence']);
  });

  it('waits for no one: an interview holding the file refuses the write in one line', () => {
    const { answers, text } = client();
    writeFileSync(`${answers}.lock`, `${process.pid}@${hostname()}\n`);
    const result = run(['evidence', 'add', 'privileged-access/admin-mfa', 'evidence/policy.txt', '--answers', answers]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${answers} is being edited by another breachready interview (process ${process.pid})`);
    expect(text()).toBe(ANSWERS);
  });

  it('a broken answers file is reported at its line and never written', () => {
    const { answers } = client();
    writeFileSync(answers, 'breachready: 1\nanswers:\n  privileged-access/admin-mfa: maybe\n');
    const result = run(['evidence', 'add', 'privileged-access/admin-mfa', 'evidence/policy.txt', '--answers', answers]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${answers}:3:32: `);
    expect(readFileSync(answers, 'utf8')).toBe('breachready: 1\nanswers:\n  privileged-access/admin-mfa: maybe\n');
  });
});

describe('breachready evidence list', () => {
  it('lists every item with question, kind, short hash, dates and status as of --as-of, as text and JSON', () => {
    const { answers } = client();
    run(['evidence', 'add', 'privileged-access/admin-mfa', 'evidence/policy.txt', '--answers', answers, '--as-of', '2026-11-22']);
    run(['evidence', 'add', 'privileged-access/admin-mfa', 'https://wiki.example/mfa', '--expires', '2027-01-31', '--answers', answers, '--as-of', '2026-11-22']);
    const text = run(['evidence', 'list', '--answers', answers, '--as-of', '2027-02-01']);
    expect(text.stderr).toBe('');
    expect(text.stdout).toBe(
      [
        'QUESTION                                    KIND  ITEM                      SHA256        COLLECTED   EXPIRES     STATUS',
        'privileged-access/dedicated-admin-accounts  text  ticket SEC-12             -             -           -           current',
        `privileged-access/admin-mfa                 file  evidence/policy.txt       ${fileHash('policy v1\n').slice(0, 12)}  2026-11-22  -           current`,
        'privileged-access/admin-mfa                 link  https://wiki.example/mfa  -             -           2027-01-31  expired',
        '',
      ].join('\n'),
    );
    const json = run(['evidence', 'list', '--answers', answers, '--as-of', '2027-01-31', '--format', 'json']);
    const rows = (JSON.parse(json.stdout) as { asOf: string; evidence: { kind: string; status: string; sha256?: string }[] }).evidence;
    expect(rows.map((r) => `${r.kind}:${r.status}`)).toEqual(['text:current', 'file:current', 'link:current']);
    expect(rows[1]!.sha256).toBe(fileHash('policy v1\n'));
  });

  it('strips control sequences from what the file says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-evidence-cmd-'));
    const answers = join(dir, 'a.yaml');
    writeFileSync(answers, 'breachready: 1\nchecklists: [privileged-access]\nanswers:\n  privileged-access/admin-mfa:\n    answer: yes\n    evidence: "see \\e]0;PWNED\\a\\e[2Jbinder"\n');
    const result = run(['evidence', 'list', '--answers', answers]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('text  see binder');
    expect(result.stdout).not.toMatch(/[\u001b\u0007]/);
  });
});
