import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnswersText } from '../../src/answers/file.js';
import { BIN } from '../helpers/cli.js';
import { KEY, startPty } from '../helpers/pty.js';

/** The first answer as the interview saves it: dated. */
const SAVED_FIRST_ANSWER = /social-media\/has-social-accounts:\s+answer: yes\s+answered: \d{4}-\d\d-\d\d\s/;

// Faults: kills at random moments, signals, full and read-only disks, edits on disk, two interviews.
const KILLS = Number(process.env.BREACHREADY_KILL_LOOPS ?? 25);
const tempDir = () => mkdtempSync(join(tmpdir(), 'breachready-faults-'));
// Level 2, every built-in checklist: about 80 questions, more than a run of kills answers.
const START = ['breachready: 1', 'level: 2', 'answers:', ''].join('\n');
const answered = (text: string) => (text.match(/^ {2}[a-z-]+\/[a-z-]+:/gm) ?? []).length;

/** Why the disk tests are skipped where mounting is not allowed: the note the run's skip line shows. */
const CANNOT_MOUNT = 'cannot mount a tmpfs here (needs root)';
/** A small tmpfs of our own (root can mount one here); undefined where mounting is not allowed. */
function mountTmpfs(size: string): string | undefined {
  const dir = tempDir();
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return result.status === 0 ? dir : undefined;
}
/** An interview on a fresh a.yaml (START) in `dir`, shown its first question. */
async function interviewAtFirstQuestion(dir = tempDir()) {
  const file = join(dir, 'a.yaml');
  writeFileSync(file, START);
  const pty = startPty(['--answers', 'a.yaml'], dir);
  await pty.waitFor(/1\/\d+/);
  return { dir, file, pty };
}

const mounts: string[] = [];
afterEach(() => {
  for (const dir of mounts.splice(0)) spawnSync('umount', ['-l', dir]);
});

describe(`the interview killed with SIGKILL at random moments (${KILLS} times)`, () => {
  it('never leaves a truncated or invalid answers file, and never loses an answer', async () => {
    const dir = tempDir();
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, START);
    let previous = 0;
    for (let i = 0; i < KILLS; i++) {
      const pty = startPty(['--answers', 'answers.yaml', '-o', 'r.md'], dir);
      await pty.waitFor(/\d+\/\d+/);
      // A burst of answers (Yes, and No with an empty note) keeps it saving; kill it mid-stream.
      pty.send(`${KEY.enter}${KEY.down}${KEY.down}${KEY.enter}${KEY.enter}`.repeat(4));
      await new Promise((r) => setTimeout(r, Math.random() * 120));
      pty.signal('SIGKILL');
      await pty.exited;
      const text = readFileSync(file, 'utf8');
      expect((await parseAnswersText(text, file)).problems, `after kill ${i + 1}:\n${text}`).toEqual([]);
      const count = answered(text);
      expect(count, `answers after kill ${i + 1}`).toBeGreaterThanOrEqual(previous);
      previous = count;
      if (count >= 60) {
        // Start over so later kills land in the middle of answering again.
        writeFileSync(file, START);
        previous = 0;
      }
    }
    // Temp files of killed writers are cleaned up by the next run.
    const pty = startPty(['--answers', 'answers.yaml'], dir);
    await pty.waitFor(/\d+\/\d+/);
    pty.send(KEY.ctrlC);
    await pty.exited;
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30_000 + KILLS * 2_000);
});

describe('signals, locks and edits on disk', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)('%s ends the interview like Ctrl-C: answers kept, exit 130', async (signal) => {
    const { dir, pty } = await interviewAtFirstQuestion();
    pty.send(KEY.enter);
    await pty.waitFor(/2\/\d+/);
    pty.signal(signal);
    expect(await pty.exited).toBe(130);
    expect(pty.screen()).toContain(`Resume with: node ${BIN} --answers a.yaml`);
    expect(answered(readFileSync(join(dir, 'a.yaml'), 'utf8'))).toBe(1);
    expect(existsSync(join(dir, 'a.yaml.lock'))).toBe(false);
  });

  it('ends and releases its lock when the terminal itself goes away', async () => {
    const { dir, pty } = await interviewAtFirstQuestion();
    pty.hangUp();
    const deadline = Date.now() + 10_000;
    while (existsSync(join(dir, 'a.yaml.lock')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(join(dir, 'a.yaml.lock'))).toBe(false);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(START);
  });

  it('refuses a second interview on the same file, and takes over a stale lock', async () => {
    const { dir, pty: first } = await interviewAtFirstQuestion();
    const second = startPty(['--answers', 'a.yaml'], dir);
    expect(await second.exited).toBe(2);
    expect(second.screen()).toMatch(/a\.yaml is being edited by another breachready interview \(process \d+/);
    first.send(KEY.ctrlC);
    expect(await first.exited).toBe(130);
    expect(existsSync(join(dir, 'a.yaml.lock'))).toBe(false);

    writeFileSync(join(dir, 'a.yaml.lock'), `999999999@${execFileSync('hostname', { encoding: 'utf8' }).trim()}\n`);
    const third = startPty(['--answers', 'a.yaml'], dir);
    await third.waitFor(/1\/\d+/);
    third.send(KEY.ctrlC);
    expect(await third.exited).toBe(130);
  });

  it('keeps a hand edit made on disk during the interview and adds the next answer to it', async () => {
    const { file, pty } = await interviewAtFirstQuestion();
    writeFileSync(file, `${readFileSync(file, 'utf8')}  # added by hand\n  email-security/dmarc-reject: yes\n`);
    pty.send(KEY.enter);
    await pty.waitFor('had changed on disk');
    await pty.waitFor(/2\/\d+/);
    pty.send(KEY.ctrlC);
    await pty.exited;
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# added by hand');
    expect(text).toContain('email-security/dmarc-reject: yes');
    expect(text).toMatch(SAVED_FIRST_ANSWER);
  });

  it('does not take its own file, written with a BOM or CRLF line ends, for an edit on disk', async () => {
    for (const text of [`\ufeff${START}`, START.replace(/\n/g, '\r\n')]) {
      const dir = tempDir();
      writeFileSync(join(dir, 'a.yaml'), text);
      const pty = startPty(['--answers', 'a.yaml'], dir);
      await pty.waitFor(/1\/\d+/);
      pty.send(KEY.enter);
      await pty.waitFor(/2\/\d+/);
      pty.send(KEY.ctrlC);
      await pty.exited;
      expect(pty.screen()).not.toContain('had changed on disk');
      expect(answered(readFileSync(join(dir, 'a.yaml'), 'utf8'))).toBe(1);
    }
  });

  it('does not write over a file that was broken on disk during the interview', async () => {
    const { file, pty } = await interviewAtFirstQuestion();
    writeFileSync(file, 'breachready: 1\nanswers: [half-typed\n');
    pty.send(KEY.enter);
    await pty.waitFor('Retry saving?');
    expect(pty.screen()).toContain('changed on disk and no longer parses');
    pty.send(`n${KEY.enter}`);
    expect(await pty.exited).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('breachready: 1\nanswers: [half-typed\n');
    expect(pty.screen()).toContain('The answers that could not be saved');
    expect(pty.screen()).toMatch(SAVED_FIRST_ANSWER);
  });
});

describe('full and read-only disks', () => {
  it('reports a full disk, lets the user retry once there is room, and loses nothing', async (context) => {
    const mount = mountTmpfs('64k');
    if (!mount) return context.skip(CANNOT_MOUNT);
    mounts.push(mount);
    const { pty } = await interviewAtFirstQuestion(mount);
    const filler = join(mount, 'filler');
    spawnSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1k', 'count=200']);
    pty.send(KEY.enter);
    await pty.waitFor('Retry saving?');
    expect(pty.screen()).toContain('no space left on the device');
    expect(readFileSync(join(mount, 'a.yaml'), 'utf8')).toBe(START);
    rmSync(filler);
    pty.send(KEY.enter);
    await pty.waitFor(/2\/\d+/);
    expect(readFileSync(join(mount, 'a.yaml'), 'utf8')).toMatch(SAVED_FIRST_ANSWER);
    pty.send(KEY.ctrlC);
    expect(await pty.exited).toBe(130);
  });

  it('reports a read-only location before asking anything', async (context) => {
    const mount = mountTmpfs('64k');
    if (!mount) return context.skip(CANNOT_MOUNT);
    mounts.push(mount);
    mkdirSync(join(mount, 'sub'));
    writeFileSync(join(mount, 'sub', 'a.yaml'), START);
    if (spawnSync('mount', ['-o', 'remount,ro', mount]).status !== 0) return context.skip(CANNOT_MOUNT);
    const pty = startPty(['--answers', 'sub/a.yaml'], mount);
    expect(await pty.exited).toBe(2);
    expect(pty.screen()).toContain('breachready: cannot write sub/a.yaml: permission denied (read-only location?)');
    expect(readFileSync(join(mount, 'sub', 'a.yaml'), 'utf8')).toBe(START);
  });
});
