/** A consultant's year in a real terminal: a year later the CI policy fails on stale answers, `--revisit stale` asks only those again and re-dates them, and a file changed afterwards is caught. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { KEY, startPty } from '../helpers/pty.js';

const INVENTORY = 'brand accounts: 4, owners named\n';
const HASH = createHash('sha256').update(INVENTORY).digest('hex');

const ANSWERS = [
  '# Client: Acme Pictures. Do not share.',
  'breachready: 1',
  'level: 1',
  'max-age: 12m # re-confirm yearly',
  'checklists:',
  '  - social-media',
  'answers:',
  '  # first sitting, with the marketing lead',
  '  social-media/has-social-accounts:',
  '    answer: yes',
  '    answered: 2026-11-20',
  '  social-media/account-inventory:',
  '    answer: yes',
  '    answered: 2026-11-20 # in the workshop',
  '    note: kept in the wiki',
  '    evidence:',
  '      - path: evidence/inventory.txt',
  `        sha256: ${HASH}`,
  '        collected: 2026-11-22',
  '  social-media/unique-credentials:',
  '    answer: no',
  '    answered: 2027-11-01',
  '  social-media/mfa-on-accounts:',
  '    answer: yes',
  '    answered: 2027-11-01',
  '    evidence:',
  '      - href: https://wiki.example/mfa',
  '        expires: 2027-12-31',
  '',
].join('\n');

describe('--revisit stale', () => {
  it('a year later asks only the stale answers, showing each old answer first, and re-confirming re-stamps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-revisit-'));
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'inventory.txt'), INVENTORY);
    writeFileSync(join(dir, 'a.yaml'), ANSWERS);
    // A year after the first sitting, the CI policy fails on the stale answers.
    const staleReport = ['report', 'a.yaml', '-f', 'json', '--as-of', '2027-11-22', '--fail-on', 'medium', '--fail-on-stale'];
    const before = run(staleReport, { cwd: dir });
    expect(before.status).toBe(1);
    expect(before.stderr).toMatch(/--fail-on-stale: .*social-media\/account-inventory/);
    const pty = startPty(['--answers', 'a.yaml', '--revisit', 'stale', '--as-of', '2027-11-22', '-o', 'r.md'], dir);
    // The terminal ends lines with CR LF.
    const screen = () => pty.screen().replace(/\r\n/g, '\n');
    await pty.waitFor('Revisiting 2 of 4 applicable questions: 2 stale (answered more than 12m before 2027-11-22).');
    await pty.waitFor(/1\/4/);
    expect(screen()).toContain('Asked again: stale.\n  Last answer: yes (answered 2026-11-20, 367 days ago)');
    pty.send(KEY.enter); // yes, as before
    await pty.waitFor(/2\/4/);
    const second = screen().slice(screen().lastIndexOf('Asked again'));
    expect(second).toContain(
      [
        'Asked again: stale.',
        '  Last answer: yes (answered 2026-11-20, 367 days ago)',
        '  Note: "kept in the wiki"',
        '  Evidence: evidence/inventory.txt (collected 2026-11-22)',
      ].join('\n'),
    );
    pty.send(KEY.enter); // yes, as before: its note stays
    await pty.waitFor('Evidence on file: evidence/inventory.txt (collected 2026-11-22)');
    await pty.waitFor('Evidence (optional');
    pty.send(KEY.enter); // no new evidence
    expect(await pty.exited).toBe(0);
    // The fresh answers (3/4 and 4/4) were not asked.
    expect(screen()).not.toMatch(/[34]\/4/);

    const saved = readFileSync(join(dir, 'a.yaml'), 'utf8');
    // Both re-confirmed answers dated anew, every comment and other answer as it was; the sitting's date and versions added.
    const expected = ANSWERS.replace('    answered: 2026-11-20\n', '    answered: 2027-11-22\n').replace('answered: 2026-11-20 # in the workshop', 'answered: 2027-11-22 # in the workshop');
    expect(saved.slice(0, expected.length)).toBe(expected);
    expect(saved.slice(expected.length)).toMatch(/^date: 2027-11-22\nversions:\n {2}social-media: [\d.]+\n$/);
    expect(run(['validate', join(dir, 'a.yaml')]).status).toBe(0);
    // Re-confirmed, nothing is stale any more; the open gap (unique credentials: no) still fails, as it should.
    const after = run(staleReport, { cwd: dir });
    expect(after.stderr).not.toMatch(/--fail-on-stale/);
    expect(after.status).toBe(1);
    expect(after.stderr).toContain("--fail-on medium: 1 open gap at or above medium (1 high)");
    // Someone edits the evidence file afterwards: the report names the entry and fails.
    writeFileSync(join(dir, 'evidence', 'inventory.txt'), `${INVENTORY}one more, unvetted\n`);
    const tampered = run(['report', 'a.yaml', '-f', 'json', '--as-of', '2027-11-22'], { cwd: dir });
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/a\.yaml:\d+:\d+: evidence "evidence\/inventory\.txt" changed since it was recorded/);
  }, 60_000);
});
