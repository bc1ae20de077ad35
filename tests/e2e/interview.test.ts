import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { KEY, startPty } from '../helpers/pty.js';

const PROMPT_DONE = '✔';
const args = ['--checklist', 'social-media'];

describe('the interview in a real terminal', () => {
  it('starts, saves after each answer, stops on Ctrl-C with exit 130, resumes and finishes with a report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-pty-'));
    const file = join(dir, 'breachready-answers.yaml');

    const first = startPty(args, dir);
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
    expect(saved).toContain('social-media/account-inventory:');
    expect(saved).toContain('note: one password for all');
    first.send(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    expect(first.screen()).toContain('Resume with: npx breachready --answers breachready-answers.yaml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(run(['validate', file]).status).toBe(0);

    const second = startPty(args, dir);
    await second.waitFor('Resuming: 2 of 4 answered');
    for (let n = 3; n <= 4; n++) {
      await second.waitFor(new RegExp(`${n}/4`));
      second.send(KEY.enter);
      await second.waitFor(PROMPT_DONE, n - 2);
    }
    await second.waitFor('Write the Markdown report');
    second.send(KEY.enter);
    await second.waitFor('File name');
    second.send(KEY.enter);
    expect(await second.exited).toBe(0);
    expect(second.screen()).toContain('Security readiness: Acme Pictures');
    expect(second.screen()).toMatch(/Grade/);
    expect(readFileSync(join(dir, 'breachready-report.md'), 'utf8')).toMatch(/^# Security readiness report/);
    const answers = readFileSync(file, 'utf8');
    expect(answers).toContain('social-media/mfa-on-accounts: yes');
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
    await pty.waitFor(/3\/4/);
    pty.send(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
    const text = readFileSync(file, 'utf8');
    for (const comment of ['# Client: Tiny Shop. Do not share.', '# legal name', '# asked the marketing lead on Monday', '# two accounts']) {
      expect(text).toContain(comment);
    }
    expect(text).toContain('social-media/account-inventory: yes');
  }, 30_000);

  it('refuses to run without a terminal, pointing at report and template', () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a terminal');
    expect(result.stderr).toContain('breachready report --answers');
    expect(result.stderr).toContain('breachready template');
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
});
