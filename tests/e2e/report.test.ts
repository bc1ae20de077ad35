import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, NODE, ROOT, run } from '../helpers/cli.js';

const EXAMPLE = 'examples/northlight-pictures.yaml';
const HOSTILE = 'tests/fixtures/answers/hostile.yaml';
const AS_OF = ['--as-of', '2026-11-22'];
const tempDir = () => mkdtempSync(join(tmpdir(), 'breachready-report-'));

describe('breachready report', () => {
  it('shows the text report of the example assessment', () => {
    const result = run(['report', '--answers', EXAMPLE, ...AS_OF]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Security readiness: Northlight Pictures/);
    expect(result.stdout).toMatch(/Score +\d+\.\d \/ 100 +Grade [A-F]/);
    expect(result.stdout).toContain('Gaps, most urgent first');
    expect(result.stdout).toContain('Accepted risks (1)');
    expect(result.stdout).toContain('risk acceptance expired 2026-09-30');
    for (const line of result.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(result.stdout).not.toContain('\u001b');
  });

  it('colours the text report only when asked to', () => {
    const forced = run(['report', '--answers', EXAMPLE, ...AS_OF], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const flag = run(['--no-color', 'report', '--answers', EXAMPLE, ...AS_OF], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(flag.stdout).not.toContain('\u001b[');
  });

  it('gives byte-identical reports for the same inputs and --as-of', () => {
    for (const format of ['text', 'markdown', 'json']) {
      const a = run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', format]);
      const b = run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', format]);
      expect(a.status).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('keeps the checked-in example reports up to date (npm run examples)', () => {
    const dir = tempDir();
    for (const name of readdirSync('examples').filter((f) => f.endsWith('.yaml') && !f.startsWith('ci-'))) {
      writeFileSync(join(dir, name), readFileSync(join('examples', name)));
    }
    const files = readdirSync('examples').filter((f) => /\.report\.(md|json|txt)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const base = file.replace(/\.report\.\w+$/, '');
      run(['report', '--answers', `${base}.yaml`, ...AS_OF, '-o', file], { cwd: dir });
      expect(readFileSync(join(dir, file), 'utf8'), `${file}: run npm run examples`).toBe(readFileSync(join('examples', file), 'utf8'));
    }
  });

  it('writes several formats at once, by extension, atomically and mode 0600', () => {
    const dir = tempDir();
    const result = run(['report', '--answers', join(ROOT, EXAMPLE), ...AS_OF, '-o', 'r.md', '-o', 'r.json', '-o', 'r.txt'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(/^# Security readiness report: Northlight Pictures/);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).organization).toBe('Northlight Pictures');
    expect(readFileSync(join(dir, 'r.txt'), 'utf8')).toMatch(/^Security readiness/);
    for (const f of ['r.md', 'r.json', 'r.txt']) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('prints JSON with the documented shape', () => {
    const result = run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', 'json']);
    const report = JSON.parse(result.stdout) as Record<string, unknown> & { gaps: Record<string, unknown>[]; checklists: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['schemaVersion', 'tool', 'asOf', 'organization', 'level', 'score', 'grade', 'checklists', 'gaps', 'unanswered', 'accepted', 'notApplicable']),
    );
    expect(report.asOf).toBe('2026-11-22');
    expect(report.tool).toEqual({ name: 'breachready', version: expect.any(String) });
    expect(Number.isInteger((report.score as number) * 10)).toBe(true);
    expect(Object.keys(report.checklists[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'score', 'applicable', 'answered', 'gaps']));
    expect(Object.keys(report.gaps[0]!)).toEqual(
      expect.arrayContaining(['id', 'checklist', 'question', 'severity', 'answer', 'note', 'fix', 'effort', 'refs', 'accepted', 'expired']),
    );
    expect(report.gaps.some((g) => g.expired === true)).toBe(true);
  });

  it('reads the answers from standard input with --answers -', () => {
    const result = run(['report', '--answers', '-', ...AS_OF, '--format', 'json'], { input: readFileSync(EXAMPLE, 'utf8') });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).organization).toBe('Northlight Pictures');
  });

  it('--level and --checklist narrow the assessment', () => {
    const all = JSON.parse(run(['report', '--answers', EXAMPLE, ...AS_OF, '-f', 'json']).stdout);
    const narrow = JSON.parse(run(['report', '--answers', EXAMPLE, ...AS_OF, '-f', 'json', '--level', '1', '--checklist', 'social-media', '--checklist', 'privileged-access']).stdout);
    expect(narrow.checklists.map((c: { id: string }) => c.id)).toEqual(['social-media', 'privileged-access']);
    expect(narrow.level).toBe(1);
    expect(narrow.counts.applicable).toBeLessThan(all.counts.applicable);
  });

  it('judges risk acceptances on the --as-of date', () => {
    const before = JSON.parse(run(['report', '--answers', EXAMPLE, '--as-of', '2026-09-30', '-f', 'json']).stdout);
    const after = JSON.parse(run(['report', '--answers', EXAMPLE, '--as-of', '2026-10-01', '-f', 'json']).stdout);
    expect(before.accepted.length).toBe(after.accepted.length + 1);
    expect(before.score).toBe(after.score);
  });

  it('rejects a bad answers file with every problem located, exit 2, and writes no output file', () => {
    const dir = tempDir();
    const result = run(['report', '--answers', join(ROOT, 'tests/fixtures/answers/bad-answers.yaml'), '-o', 'out.md'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain('did you mean "social-media/unique-credentials"?');
    expect(result.stderr).toMatch(/bad-answers\.yaml:5:\d+: .*unknown answer "maybe"/);
    expect(result.stderr).toMatch(/bad-answers\.yaml:7:\d+: "na" needs a note/);
    expect(result.stderr).toMatch(/missing field "reason"/);
    expect(existsSync(join(dir, 'out.md'))).toBe(false);
  });

  it.each([
    [['report'], /no answers file: name one \(breachready report FILE\)/],
    [['report', '--answers', 'missing.yaml'], /missing\.yaml:1:1: no such file/],
    [['report', '--answers', EXAMPLE, '-o', 'report.docx'], /cannot tell the format of "report\.docx"/],
    [['report', '--answers', EXAMPLE, '--as-of', '2026-02-30'], /--as-of must be a date/],
    [['report', '--answers', EXAMPLE, '--level', '4'], /Allowed choices are 1, 2, 3/],
  ])('exits 2 on usage errors: %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('keeps hostile answer text out of the terminal and out of the Markdown structure', () => {
    const text = run(['report', '--answers', HOSTILE, ...AS_OF]);
    expect(text.status).toBe(0);
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text.stdout).toContain('Evil Red Corp');

    const md = run(['report', '--answers', HOSTILE, ...AS_OF, '--format', 'markdown']).stdout;
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(md).not.toMatch(/^#+ Injected heading/m);
    expect(md).not.toMatch(/^\s*- list$/m);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    expect(md).not.toMatch(/[^\\]\]\(javascript:/);
    // Every table row keeps the column count of its header.
    const lines = md.split('\n');
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    for (let i = 0; i < lines.length; i++) {
      if (!/^\| ?-/.test(lines[i + 1] ?? '') && !/^\| ?:?-/.test(lines[i + 1] ?? '')) continue;
      const width = cells(lines[i]!);
      for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cells(lines[j]!), lines[j]).toBe(width);
    }
  });
});

describe('breachready template', () => {
  it('prints an answers file with every applicable question that validates and reports', () => {
    const dir = tempDir();
    const result = run(['template', '--level', '1', '-o', 'answers.yaml'], { cwd: dir });
    expect(result.status).toBe(0);
    const text = readFileSync(join(dir, 'answers.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/answers\.schema\.json/);
    expect(text).toContain('  social-media/unique-credentials:');
    expect(text).toMatch(/# \[HIGH\] Does every brand account have its own strong password/);
    expect(text).not.toMatch(/privileged-access\/admin-workstations/); // level 3
    expect(run(['validate', join(dir, 'answers.yaml')]).status).toBe(0);
    const report = run(['report', '--answers', join(dir, 'answers.yaml'), '-f', 'json']);
    expect(JSON.parse(report.stdout).counts.unanswered).toBeGreaterThan(0);
  });

  it('never overwrites an existing file without --force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'answers.yaml'), 'precious: true\n');
    const result = run(['template', '-o', 'answers.yaml'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('already exists');
    expect(readFileSync(join(dir, 'answers.yaml'), 'utf8')).toBe('precious: true\n');
  });

  it('writes checklists: with paths relative to the answers file', () => {
    const dir = tempDir();
    const result = run(['template', '--checklist', join(ROOT, 'tests/fixtures/checklists/valid-vendors.yaml'), '-o', join(dir, 'a.yaml')]);
    expect(result.status).toBe(0);
    expect(run(['validate', join(dir, 'a.yaml')]).status).toBe(0);
    expect(execFileSync(NODE, [join(ROOT, 'bin/breachready.cjs'), 'report', '--answers', 'a.yaml', '-f', 'json'], { cwd: dir, encoding: 'utf8' })).toContain('our-vendors');
  });
});
