/** Rough edges a new user hits with `report` and `validate`: each once made a confusing message. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, ROOT, run } from '../helpers/cli.js';

const AS_OF = ['--as-of', '2026-11-22'];
const tempDir = () => mkdtempSync(join(tmpdir(), 'breachready-edges-'));
const PASS = readFileSync(join(ROOT, 'examples/ci-pass.yaml'), 'utf8');

/** Writes `text` to a file in a new temporary directory and returns its path. */
function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

/** The problem lines of a failed run: exit 2, one line each, no stack. */
function problems(result: ReturnType<typeof run>): string[] {
  expect(result.status).toBe(2);
  expect(hasStackTrace(result.stderr)).toBe(false);
  return result.stderr.split('\n').filter((l) => /:\d+:\d+: /.test(l));
}

describe('answer values say what was meant', () => {
  it.each([
    ['partly', 'partial'],
    ['Partly', 'partial'],
    ['n/a', 'na'],
    ['N/A', 'na'],
    ['Yes', 'yes'],
    ["don't know", 'unknown'],
    ['not applicable', 'na'],
    ['yess', 'yes'],
  ])('%j -> did you mean %j', (written, meant) => {
    const answers = file('a.yaml', `breachready: 1\nanswers:\n  social-media/has-social-accounts: "${written.replace(/"/g, '\\"')}"\n`);
    const [line, ...rest] = problems(run(['report', '--answers', answers, ...AS_OF]));
    expect(rest).toEqual([]);
    expect(line).toContain(`unknown answer "${written}": use one of yes, partial, no, unknown, na (did you mean "${meant}"?)`);
  });
});

describe('a file that is not an answers file gets one line', () => {
  it.each([
    ['package.json', readFileSync(join(ROOT, 'package.json'), 'utf8')],
    ['checklist.yaml', readFileSync(join(ROOT, 'checklists/01-social-media.yaml'), 'utf8')],
    ['docker-compose.yml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n'],
  ])('report --answers %s', (name, text) => {
    const lines = problems(run(['report', '--answers', file(name, text), ...AS_OF]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/:1:1: not a breachready answers file \(no `breachready: 1`\)$/);
  });

  it('validate on a file that is neither kind', () => {
    const lines = problems(run(['validate', file('package.json', readFileSync(join(ROOT, 'package.json'), 'utf8'))]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('neither a breachready checklist');
  });
});

describe('one mistake, one message', () => {
  it('one tab', () => {
    const answers = file('a.yaml', 'breachready: 1\nanswers:\n\tsocial-media/has-social-accounts: yes\n  social-media/account-inventory: yes\n');
    const lines = problems(run(['report', '--answers', answers, ...AS_OF]));
    expect(lines).toEqual([`${answers}:3:1: YAML syntax error: Tabs are not allowed as indentation`]);
  });

  it.each(['2026-13-01', '2026-02-30', 'yesterday'])('one bad date: %s', (date) => {
    const answers = file('a.yaml', `breachready: 1\ndate: ${date}\nanswers:\n  social-media/has-social-accounts: yes\n`);
    const lines = problems(run(['report', '--answers', answers, ...AS_OF]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/:2:7: date: date (must be a date, YYYY-MM-DD|is not a real calendar date)$/);
  });
});

describe('which answers file report reads', () => {
  it('takes it as an argument, like --answers', () => {
    const answers = file('a.yaml', PASS);
    const positional = run(['report', answers, '-f', 'json', ...AS_OF]);
    const option = run(['report', '--answers', answers, '-f', 'json', ...AS_OF]);
    expect(positional.status).toBe(0);
    expect(positional.stdout).toBe(option.stdout);
  });

  it("reads the interview's breachready-answers.yaml when none is named, and says what to do when there is none", () => {
    const dir = tempDir();
    const none = run(['report', ...AS_OF], { cwd: dir });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('breachready: no answers file: name one (breachready report FILE), or run the interview to write breachready-answers.yaml');
    writeFileSync(join(dir, 'breachready-answers.yaml'), PASS);
    const found = run(['report', '-f', 'json', ...AS_OF], { cwd: dir });
    expect(found.status).toBe(0);
    expect(JSON.parse(found.stdout).answersFile).toBe('breachready-answers.yaml');
  });

  it('refuses two different files', () => {
    const result = run(['report', 'a.yaml', '--answers', 'b.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('two answers files given');
  });
});

describe('report -o', () => {
  it('checks every target before writing the first: exit 2 means no report', () => {
    const dir = tempDir();
    const ok = join(dir, 'ok.md');
    const result = run(['report', '--answers', 'examples/ci-pass.yaml', '-o', ok, '-o', join(dir, 'missing', 'r.json'), ...AS_OF]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('r.json: the directory does not exist');
    expect(existsSync(ok)).toBe(false);
  });

  it('prints the file names it wrote without their control characters', () => {
    const dir = tempDir();
    const hostile = join(dir, 'r\x1b]0;PWNED\x07.md');
    const result = run(['report', '--answers', 'examples/ci-pass.yaml', '-o', hostile, ...AS_OF]);
    expect(result.status).toBe(0);
    expect(existsSync(hostile)).toBe(true);
    expect(result.stderr).toContain('wrote ');
    expect(result.stderr).not.toMatch(/[\x1b\x07]/);
  });
});

describe("report's next steps", () => {
  it('name the command as it was invoked and keep the selected checklists', () => {
    const direct = run(['report', 'examples/ci-pass.yaml', '--checklist', 'social-media', ...AS_OF]);
    expect(direct.stdout).toMatch(/node bin\/breachready\.cjs report examples\/ci-pass\.yaml -o report\.md\s+--checklist social-media/);
    const viaNpx = run(['report', 'examples/ci-pass.yaml', ...AS_OF], { env: { npm_command: 'exec' } });
    expect(viaNpx.stdout).toContain('npx breachready report examples/ci-pass.yaml --fail-on high');
  });

  it('leave out what this run already did, and never go into a report file', () => {
    const dir = tempDir();
    const result = run(['report', join(ROOT, 'examples/ci-pass.yaml'), '--fail-on', 'high', '-o', 'r.md', '-o', 'r.txt', '-f', 'text', ...AS_OF], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('Gate CI on it');
    expect(result.stdout).not.toContain('Write the report for your client');
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).not.toContain('breachready.cjs');
  });
});
