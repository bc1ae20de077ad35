import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run } from '../helpers/cli.js';
import { KEY, startPty } from '../helpers/pty.js';

const EVIDENCE_PROMPT = 'Evidence (optional';
const args = ['--checklist', 'social-media'];

describe('the interview in a real terminal', () => {
  it('starts, saves after each answer, stops on Ctrl-C with exit 130, resumes and finishes with a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const file = join(dir, 'breachready-answers.yaml');

    const first = startPty(args, dir, { npm_command: 'exec' });
    await first.waitFor('Organisation name');
    first.send(`Acme Pictures${KEY.enter}`);
    await first.waitFor('Your name');
    first.send(`Jane Doe${KEY.enter}`);
    await first.waitFor('Which level?');
    expect(first.screen()).toMatch(/1 essentials, for any organisation: 4 questions, about 2 min/);
    first.send(KEY.enter);
    await first.waitFor(/1\/4/);
    expect(first.screen()).toContain('Social-media and shared brand accounts');
    expect(first.screen()).toMatch(/1\/4/);
    first.send(KEY.enter); // Yes: we have social accounts
    await first.waitFor(/2\/4/);
    first.send(`${KEY.down}${KEY.down}${KEY.enter}`); // No
    await first.waitFor('Note (optional');
    first.send(`one password for all${KEY.enter}`);
    await first.waitFor(/3\/4/);
    const saved = readFileSync(file, 'utf8');
    // Each answer is dated (the day of the sitting, as the file's date) and signed by the assessor.
    const today = /^date: (\d{4}-\d\d-\d\d)$/m.exec(saved)?.[1];
    expect(saved).toContain(`social-media/has-social-accounts:\n    answer: yes\n    answered: ${today}\n    by: Jane Doe\n`);
    expect(saved).toContain(`social-media/account-inventory:\n    answer: no\n    answered: ${today}\n    by: Jane Doe\n    note: one password for all\n`);
    first.send(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    expect(first.screen()).toContain('Resume with: npx breachready --answers breachready-answers.yaml --checklist social-media');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(run(['validate', file]).status).toBe(0);

    const second = startPty(args, dir);
    await second.waitFor('Resuming: 2 of 4 answered');
    for (let n = 3; n <= 4; n++) {
      await second.waitFor(new RegExp(`${n}/4`));
      second.send(KEY.enter);
      // A yes to a high question: one optional prompt for evidence, which Enter skips.
      await second.waitFor(EVIDENCE_PROMPT, n - 2);
      second.send(KEY.enter);
    }
    await second.waitFor('Write the Markdown report');
    second.send(KEY.enter);
    await second.waitFor('File name');
    second.send(KEY.enter);
    await second.waitFor('Wrote breachready-report.md');
    expect(await second.exited).toBe(0);
    expect(second.screen()).toContain('Security readiness: Acme Pictures');
    expect(second.screen()).toMatch(/Grade/);
    expect(readFileSync(join(dir, 'breachready-report.md'), 'utf8')).toMatch(/^# Security readiness report/);
    const answers = readFileSync(file, 'utf8');
    expect(answers).toMatch(/social-media\/mfa-on-accounts:\n {4}answer: yes\n {4}answered: \d{4}-\d\d-\d\d\n {4}by: Jane Doe\n/);
  }, 60_000);

  it('keeps the comments of a hand-edited answers file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const file = join(dir, 'client.yaml');
    writeFileSync(
      file,
      [
        '# Client: Tiny Shop. Do not share.',
        'breachready: 1',
        'organization: Tiny Shop # legal name',
        'level: 1',
        'checklists: [social-media]',
        'answers:',
        '  # asked the marketing lead on Monday',
        '  social-media/has-social-accounts: yes # two accounts',
        '',
      ].join('\n'),
    );
    const pty = startPty(['--answers', 'client.yaml', '-o', 'report.md'], dir);
    await pty.waitFor('Resuming: 1 of 4 answered');
    await pty.waitFor(/2\/4/);
    pty.send(KEY.enter);
    await pty.waitFor(EVIDENCE_PROMPT);
    pty.send(KEY.enter);
    await pty.waitFor(/3\/4/);
    pty.send(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
    const text = readFileSync(file, 'utf8');
    for (const comment of ['# Client: Tiny Shop. Do not share.', '# legal name', '# asked the marketing lead on Monday', '# two accounts']) {
      expect(text).toContain(comment);
    }
    // Dated, but not signed: the file names no assessor.
    expect(text).toMatch(/social-media\/account-inventory:\n {4}answer: yes\n {4}answered: \d{4}-\d\d-\d\d\n/);
    expect(text).not.toContain('by:');
  }, 30_000);

  it('refuses to run without a terminal, pointing at report and at template only where no answers exist yet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-notty-'));
    const result = run([], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a terminal');
    expect(result.stderr).toMatch(/score a filled-in file: node \S+ report breachready-answers\.yaml\n/);
    expect(result.stderr).toMatch(/start from: node \S+ template -o breachready-answers\.yaml\n/);
    writeFileSync(join(dir, 'breachready-answers.yaml'), 'breachready: 1\n');
    const existing = run([], { cwd: dir });
    expect(existing.stderr).toContain('report breachready-answers.yaml');
    expect(existing.stderr).not.toContain('template');
  });

  it('refuses to overwrite an answers file that does not parse', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    writeFileSync(join(dir, 'breachready-answers.yaml'), 'breachready: 1\nanswers:\n  x: [unclosed\n');
    const pty = startPty([], dir);
    return pty.exited.then((code) => {
      expect(code).toBe(2);
      expect(pty.screen()).toMatch(/breachready-answers\.yaml:\d+:\d+: /);
      expect(readFileSync(join(dir, 'breachready-answers.yaml'), 'utf8')).toBe('breachready: 1\nanswers:\n  x: [unclosed\n');
    });
  });

  it('Back walks three questions back through a gate and forward again, in checklist order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    writeFileSync(join(dir, 'walk.yaml'), walkChecklist());
    writeFileSync(join(dir, 'a.yaml'), 'breachready: 1\nlevel: 1\nanswers:\n  walk/q1: yes\n  walk/gate: no\n  walk/b: yes\n');
    const pty = startPty(['--answers', 'a.yaml', '--checklist', './walk.yaml', '-o', 'r.md'], dir);
    await pty.waitFor('Resuming: 3 of 4 answered');
    await pty.waitFor(/Is c in place\?/);
    const back = `${KEY.down.repeat(8)}${KEY.enter}`; // the last choice, whatever is preselected
    pty.send(back);
    await pty.waitFor(/Is b in place\?/);
    pty.send(back);
    await pty.waitFor(/Is the gate open\?/);
    // A scoping question offers yes, no and don't know only.
    const gate = pty.screen().slice(pty.screen().lastIndexOf('Is the gate open?'));
    expect(gate).toMatch(/Yes\s+❯ No\s+Don't know\s+─+\s+Help/);
    pty.send(back);
    await pty.waitFor(/Is q1 in place\?/);
    pty.send(KEY.enter); // q1: yes, as before
    await pty.waitFor(/Is the gate open\?/, 2);
    pty.send(`${KEY.up}${KEY.enter}`); // the gate: no -> yes
    await pty.waitFor(/Is a in place\?/);
    expect(pty.screen()).toMatch(/3\/5/);
    pty.send(`${KEY.down}${KEY.down}${KEY.enter}`); // a: no
    await pty.waitFor('Note (optional');
    pty.send(`not yet${KEY.enter}`);
    await pty.waitFor(/Is b in place\?/, 2);
    pty.send(KEY.enter);
    await pty.waitFor(/Is c in place\?/, 2);
    pty.send(KEY.enter);
    expect(await pty.exited).toBe(0);
    const order = [...pty.screen().matchAll(/✔ (Is [\w ]+\?)/g)].map((m) => m[1]);
    expect(order).toEqual(['Is c in place?', 'Is b in place?', 'Is the gate open?', 'Is q1 in place?', 'Is the gate open?', 'Is a in place?', 'Is b in place?', 'Is c in place?']);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toMatch(/walk\/gate:\n\s+answer: yes\n\s+answered: [\d-]+\n[\s\S]*walk\/a:\n\s+answer: no\n\s+answered: [\d-]+\n\s+note: not yet/);
  }, 60_000);

  it('a changed answer shows its old note to keep, replace or clear; Enter on an empty note clears it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const file = join(dir, 'a.yaml');
    writeFileSync(
      file,
      [
        'breachready: 1',
        'level: 1',
        'answers:',
        '  social-media/has-social-accounts: yes',
        '  social-media/account-inventory:',
        '    answer: no',
        '    note: Passwords live in a shared spreadsheet',
        '  social-media/unique-credentials:',
        '    answer: partial',
        '    note: two accounts share one',
        '',
      ].join('\n'),
    );
    const pty = startPty(['--answers', 'a.yaml', ...args, '--review'], dir);
    await pty.waitFor(/1\/4/);
    pty.send(KEY.enter);
    await pty.waitFor(/2\/4/);
    pty.send(`${KEY.up}${KEY.up}${KEY.enter}`); // no -> yes
    await pty.waitFor('Keep this note?');
    expect(pty.screen()).toContain('Note (written for the answer no): "Passwords live in a shared spreadsheet"');
    pty.send(`${KEY.down}${KEY.down}${KEY.enter}`); // Clear it
    await pty.waitFor(EVIDENCE_PROMPT);
    pty.send(KEY.enter);
    await pty.waitFor(/3\/4/);
    pty.send(`${KEY.down}${KEY.enter}`); // partial -> no
    await pty.waitFor('Keep this note?', 2);
    pty.send(`${KEY.down}${KEY.enter}`); // Write a new one
    await pty.waitFor('Enter on an empty line: no note');
    pty.send(KEY.enter);
    await pty.waitFor(/4\/4/);
    pty.send(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toMatch(/account-inventory:\n\s+answer: yes\n\s+answered: [\d-]+\n\s+social-media\/unique-credentials:\n\s+answer: no\n\s+answered: [\d-]+\n/);
    expect(saved).not.toContain('spreadsheet');
    expect(saved).not.toContain('two accounts share one');
    expect(run(['report', '--answers', file, '-f', 'markdown']).stdout).not.toContain('Passwords live');
  }, 60_000);

  it('never lets control sequences from an answers file reach the terminal: note prompt, review, justification, file name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const name = 'a\u001b]0;NAMED\u0007.yaml';
    const evil = String.raw`\e]0;PWNED\a\e]52;c;cHduZWQ=\a\e[2J\u009b31m \u202eRLO \e]8;;https://evil.example\e\\link\e]8;;\e\\`;
    writeFileSync(
      join(dir, name),
      [
        'breachready: 1',
        'level: 1',
        'answers:',
        '  social-media/has-social-accounts: yes',
        '  social-media/account-inventory:',
        '    answer:',
        `    note: "${evil}"`,
        '  social-media/unique-credentials:',
        '    answer: na',
        `    note: "${evil}"`,
        '',
      ].join('\n'),
    );
    const first = startPty(['--answers', name, ...args], dir);
    await first.waitFor(/2\/4/);
    first.send(`${KEY.down}${KEY.down}${KEY.enter}`); // No
    await first.waitFor('Keep this note?');
    first.send(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    const review = startPty(['--answers', name, ...args, '--review'], dir);
    await review.waitFor(/1\/4/);
    review.send(KEY.enter);
    await review.waitFor(/2\/4/);
    review.send(KEY.enter); // no, as chosen in the first sitting
    await review.waitFor('Keep this note?');
    review.send(KEY.enter); // keep
    await review.waitFor(/3\/4/);
    review.send(KEY.enter); // na, as before
    await review.waitFor('Keep this note?', 2);
    review.send(`${KEY.down}${KEY.enter}`); // write a new justification
    await review.waitFor('Why does it not apply here?');
    review.send(KEY.ctrlC);
    expect(await review.exited).toBe(130);
    const last = startPty(['--answers', name, ...args, '-o', 'r.md'], dir);
    await last.waitFor(/4\/4/);
    last.send(KEY.enter);
    await last.waitFor(EVIDENCE_PROMPT);
    last.send(KEY.enter);
    expect(await last.exited).toBe(0);
    expect(last.screen()).toContain('Answers saved in a.yaml.');
    for (const pty of [first, review, last]) {
      const raw = pty.raw();
      for (const planted of ['\u001b]0;PWNED', '\u001b]52;', '\u001b]8;', '\u001b[2J', '\u009b', '\u202e', '\u0007', '\u001b]0;NAMED']) expect(raw).not.toContain(planted);
      expect(pty.screen()).toMatch(/(Resuming|Reviewing): \d of 4 answered \(a\.yaml, level 1\)/);
    }
    // The note is shown, with its control characters as visible escapes.
    for (const pty of [first, review]) expect(pty.screen()).toContain(String.raw`Note: "\u001b]0;PWNED\u0007\u001b]52;c;cHduZWQ=`);
  }, 60_000);

  it('Ctrl-C at the first prompt names no file; Ctrl-C at a note keeps the answer just chosen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const fresh = startPty(args, dir);
    await fresh.waitFor('Organisation name');
    fresh.send(KEY.ctrlC);
    expect(await fresh.exited).toBe(130);
    expect(fresh.screen()).toContain('interrupted before anything was saved');
    expect(fresh.screen()).not.toContain('saved in');
    expect(existsSync(join(dir, 'breachready-answers.yaml'))).toBe(false);

    writeFileSync(join(dir, 'a.yaml'), 'breachready: 1\nlevel: 1\nanswers:\n  social-media/has-social-accounts: yes\n');
    const pty = startPty(['--answers', 'a.yaml', ...args], dir);
    await pty.waitFor(/2\/4/);
    pty.send(`${KEY.down}${KEY.down}${KEY.enter}`); // No
    await pty.waitFor('Note (optional');
    pty.send(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toMatch(/social-media\/account-inventory:\n\s+answer: no\n\s+answered: [\d-]+\n/);
  }, 60_000);

  it('after a yes to a high question, one optional prompt for evidence: a file outside the folder is refused, one inside recorded with its hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'accounts.csv'), 'account,owner\n@acme,marketing\n');
    writeFileSync(join(dir, 'a.yaml'), '# Acme\nbreachready: 1\nlevel: 1\nanswers:\n  social-media/has-social-accounts: yes # four of them\n');
    const pty = startPty(['--answers', 'a.yaml', ...args], dir);
    await pty.waitFor(/2\/4/);
    pty.send(KEY.enter); // Yes: an inventory (high)
    await pty.waitFor(EVIDENCE_PROMPT);
    pty.send(`../accounts.csv${KEY.enter}`);
    await pty.waitFor("evidence must be a file inside the answers file's folder");
    await pty.waitFor(EVIDENCE_PROMPT, 2);
    pty.send(`evidence/accounts.csv${KEY.enter}`);
    await pty.waitFor('Evidence recorded: evidence/accounts.csv');
    await pty.waitFor(/3\/4/);
    pty.send(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
    const saved = readFileSync(join(dir, 'a.yaml'), 'utf8');
    const today = /^date: (\d{4}-\d\d-\d\d)$/m.exec(saved)?.[1];
    const hash = createHash('sha256').update('account,owner\n@acme,marketing\n').digest('hex');
    expect(saved).toContain(
      `social-media/account-inventory:\n    answer: yes\n    answered: ${today}\n    evidence:\n      - path: evidence/accounts.csv\n        sha256: ${hash}\n        collected: ${today}\n`,
    );
    expect(saved).toContain('# Acme\n');
    expect(saved).toContain('# four of them');
    expect(run(['validate', join(dir, 'a.yaml')]).status).toBe(0);
  }, 60_000);

  it('says in one line when the answers file cannot be written, before asking anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const pty = startPty(['--answers', 'missing-dir/x.yaml'], dir);
    expect(await pty.exited).toBe(2);
    expect(pty.screen().trim()).toBe('breachready: cannot write missing-dir/x.yaml: the directory does not exist');
  }, 30_000);

  it('ends with the score by the report offer, checks the name, never overwrites unasked, and hints the command as invoked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const answered = ['has-social-accounts', 'account-inventory', 'unique-credentials'].map((id) => `  social-media/${id}: yes`);
    writeFileSync(join(dir, 'a.yaml'), ['breachready: 1', 'level: 1', 'answers:', ...answered, ''].join('\n'));
    writeFileSync(join(dir, 'report.md'), 'keep me\n');
    const pty = startPty(['--answers', 'a.yaml', ...args], dir);
    await pty.waitFor(/4\/4/);
    pty.send(KEY.enter);
    await pty.waitFor(EVIDENCE_PROMPT);
    pty.send(KEY.enter);
    await pty.waitFor('Write the Markdown report');
    expect(pty.screen()).toMatch(/Score 100\.0 \/ 100, grade A\.\s*\n\S*\s*Write the Markdown report/);
    pty.send(KEY.enter);
    await pty.waitFor('File name');
    pty.send(`report.txt${KEY.enter}`);
    await pty.waitFor('must end in .md');
    await pty.waitFor('File name', 2);
    pty.send(`report.md${KEY.enter}`);
    await pty.waitFor('report.md already exists. Overwrite it? (y/N)');
    pty.send(KEY.enter);
    await pty.waitFor('File name', 3);
    pty.send(`fresh.md${KEY.enter}`);
    expect(await pty.exited).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('keep me\n');
    expect(readFileSync(join(dir, 'fresh.md'), 'utf8')).toMatch(/^# Security readiness report/);
    const screen = pty.screen();
    expect(screen.indexOf('Wrote fresh.md')).toBeLessThan(screen.indexOf('Next'));
    expect(screen.replace(/\s+/g, ' ')).toContain(`Change answers: node ${BIN} --answers a.yaml --checklist social-media --review`);
    // Done already: no hint to continue (nothing is left) or to write the report (just written).
    expect(screen).not.toContain('Continue where you stopped');
    expect(screen).not.toContain('Write the client report');
  }, 60_000);
});

/** A checklist whose gate hides one question: q1, gate, a (when the gate is yes), b, c. */
function walkChecklist(): string {
  const question = (id: string, ask: string, extra: string[] = []) =>
    [`  - id: ${id}`, `    ask: ${ask}`, '    help: A good answer.', '    severity: medium', '    level: 1', '    why: It matters.', '    fix: Do it.', '    effort: low', ...extra.map((l) => `    ${l}`), '    refs: { cis-v8: ["5.1"] }'].join('\n');
  return [
    'id: walk',
    'title: Walk',
    'version: 1.0.0',
    'summary: A walk.',
    'lesson: Walk back and forth.',
    'sources:',
    '  - { publication: The Hollywood Reporter, title: Sony Pictures Targeted by Widespread Hack, date: 2014-11-24 }',
    'questions:',
    question('q1', 'Is q1 in place?'),
    question('gate', 'Is the gate open?', ['gate: true']),
    question('a', 'Is a in place?', ['when: { question: gate, is: yes }']),
    question('b', 'Is b in place?'),
    question('c', 'Is c in place?'),
    '',
  ].join('\n');
}
