import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS, FORMAT_NAMES } from '../../src/report/formats.js';
import { REDACTED_MARKDOWN, REDACTED_NOTICE, pseudonym } from '../../src/redact.js';
import { BROWSER_PATH, BROWSER_REQUIRED, HAS_PDFTOTEXT, NO_BROWSER } from '../helpers/browser.js';
import { run } from '../helpers/cli.js';
import { NOT_FREE_TEXT, freeTextFields, writeMarkedAnswers } from '../helpers/redaction.js';

const AS_OF = ['--as-of', '2026-11-22'];

function markedDir(extra: Record<string, unknown> = {}): { dir: string; markers: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-redact-'));
  return { dir, markers: writeMarkedAnswers(dir, extra) };
}

/** The markers found in a text. */
const leaked = (text: string, markers: Record<string, string>) => Object.entries(markers).filter(([, mark]) => text.toLowerCase().includes(mark.toLowerCase())).map(([field]) => field);

describe('--redact', () => {
  it('the marked answers file covers every free-text field of the answers schema', () => {
    const { markers } = markedDir();
    const fields = freeTextFields();
    for (const excluded of Object.keys(NOT_FREE_TEXT)) expect(fields).toContain(excluded);
    expect(Object.keys(markers).sort()).toEqual(fields.filter((f) => !(f in NOT_FREE_TEXT)).sort());
  });

  it('without it, the markers reach the reports (the file is read and its text shown)', () => {
    const { dir, markers } = markedDir();
    const result = run(['report', 'answers.yaml', ...AS_OF, '-f', 'json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(leaked(result.stdout, markers)).toEqual(expect.arrayContaining(['organization', 'assessor', 'answers.*.note', 'answers.*.accepted.reason']));
  });

  it.for(FORMAT_NAMES)('report -f %s leaves no marker, keeps ids, answers and dates, and says it is redacted', (format, context) => {
    const { dir, markers } = markedDir();
    // A printed format goes to a file; its text is read back as a reader would see it.
    const printed = FORMATS[format].print !== undefined;
    if (printed && !(BROWSER_PATH && HAS_PDFTOTEXT)) {
      if (BROWSER_REQUIRED) throw new Error(NO_BROWSER);
      context.skip(NO_BROWSER);
    }
    const result = run(['report', 'answers.yaml', ...AS_OF, ...(printed ? ['-o', `out.${format}`] : ['-f', format]), '--redact'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    const shown = printed ? execFileSync('pdftotext', [join(dir, `out.${format}`), '-'], { encoding: 'utf8' }) : result.stdout;
    expect(leaked(shown + result.stderr, markers)).toEqual([]);
    // Every format lists the open critical gap, the plans and summaries too.
    expect(shown).toContain('admin-mfa');
    if (format === 'json') {
      const data = JSON.parse(result.stdout) as { redacted: boolean; organization: string; assessor: string | null; date: string };
      expect(data).toMatchObject({ redacted: true, organization: pseudonym(0), assessor: null, date: '2026-11-01' });
    }
    if (format === 'text') expect(result.stdout).toContain(REDACTED_NOTICE);
    if (format === 'markdown') expect(result.stdout).toContain(REDACTED_MARKDOWN);
    if (format === 'html') expect(result.stdout).toContain(`<strong>${REDACTED_NOTICE}.</strong>`);
    if (format === 'pdf') expect(shown.replace(/\s+/g, ' ')).toContain(REDACTED_NOTICE);
  });

  it('changes what a report shows, never its verdict: a missing evidence file still fails, without its name', () => {
    const { dir, markers } = markedDir();
    rmSync(join(dir, 'evidence'), { recursive: true });
    const plain = run(['report', 'answers.yaml', ...AS_OF, '-f', 'json'], { cwd: dir });
    const redacted = run(['report', 'answers.yaml', ...AS_OF, '-f', 'json', '--redact'], { cwd: dir });
    expect(plain.status).toBe(1);
    expect(plain.stderr).toMatch(/answers\.yaml:\d+:\d+: evidence .* is missing/);
    expect(redacted.status).toBe(1);
    expect(redacted.stderr).toMatch(/answers\.yaml:\d+:\d+: evidence \[redacted\] failed its check/);
    expect(leaked(redacted.stdout + redacted.stderr, markers)).toEqual([]);
  });

  it('--keep-names keeps the organisation and nothing else; it needs --redact', () => {
    const { dir, markers } = markedDir();
    const result = run(['report', 'answers.yaml', ...AS_OF, '-f', 'json', '--redact', '--keep-names'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(leaked(result.stdout, markers)).toEqual(['organization']);
    const alone = run(['report', 'answers.yaml', ...AS_OF, '--keep-names'], { cwd: dir });
    expect(alone).toMatchObject({ status: 2, stdout: '' });
    expect(alone.stderr).toContain('--keep-names needs --redact');
  });

  it('-o files are redacted too', () => {
    const { dir, markers } = markedDir();
    const result = run(['report', 'answers.yaml', ...AS_OF, '--redact', '-o', 'r.md', '-o', 'r.json', '-o', 'r.sarif', '-o', 'r.xml'], { cwd: dir });
    expect(result.status).toBe(0);
    for (const file of ['r.md', 'r.json', 'r.sarif', 'r.xml']) expect(leaked(readFileSync(join(dir, file), 'utf8'), markers), file).toEqual([]);
  });
});
