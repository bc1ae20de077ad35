/** Evidence, owners and dates in an answers file, through the built CLI: accepted, and each mistake located. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, run } from '../helpers/cli.js';
import { RECORDED_SHA, fullEntryLines } from '../helpers/evidence-entry.js';

const AS_OF = ['--as-of', '2026-11-22'];
const SHA = RECORDED_SHA;

/** Writes an answers file answering privileged-access/admin-mfa with `entry` (lines under the id). */
function answersWith(...entry: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'breachready-evidence-')), 'answers.yaml');
  const lines = ['breachready: 1', 'checklists: [privileged-access]', 'answers:', '  privileged-access/admin-mfa:', ...entry.map((l) => `    ${l}`)];
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const FULL = fullEntryLines();

describe('evidence, owners and dates', () => {
  it('validate and report accept the new fields, and the report names the evidence', () => {
    // The evidence file is there, with the hash recorded: report checks it.
    const pdf = '%PDF-1.7 conditional access policy\n';
    const answers = answersWith(...FULL.map((line) => line.replace(SHA, createHash('sha256').update(pdf).digest('hex'))));
    mkdirSync(join(dirname(answers), 'evidence'));
    writeFileSync(join(dirname(answers), 'evidence', 'conditional-access.pdf'), pdf);
    const validated = run(['validate', answers]);
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);
    const report = run(['report', '--answers', answers, '--format', 'markdown', ...AS_OF]);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('**Evidence:** https\\://wiki.example/mfa-policy; evidence/conditional-access.pdf');
  });

  it('the shorthand `evidence: text` reports as before', () => {
    const report = run(['report', '--answers', answersWith('answer: no', 'evidence: ticket SEC-12'), '--format', 'json', ...AS_OF]);
    expect(report.status).toBe(0);
    const item = (JSON.parse(report.stdout) as { gaps: { id: string; evidence: string | null }[] }).gaps.find((r) => r.id === 'privileged-access/admin-mfa');
    expect(item?.evidence).toBe('ticket SEC-12');
  });

  it.each([
    [['evidence:', '  - href: https://a.example', '    path: a.pdf'], ':7:9: answers.privileged-access/admin-mfa.evidence[0]: evidence item needs exactly one of href or path'],
    [['evidence:', '  - path: a.pdf', '    sha256: abc'], ':8:17: answers.privileged-access/admin-mfa.evidence[0].sha256: sha256 must be 64 lowercase hex characters'],
    [['evidence:', '  - path: ../secrets/a.pdf'], ":7:15: evidence path must stay inside the answers file's folder"],
    [['evidence:', '  - path: a.pdf', '    collected: 2026-11-20', '    expires: 2026-01-01'], ':9:18: evidence expires (2026-01-01) before it was collected (2026-11-20)'],
  ])('a bad evidence item %j: exit 2, one located line, no report', (entry, where) => {
    const answers = answersWith('answer: no', ...entry);
    for (const args of [['validate', answers], ['report', '--answers', answers, ...AS_OF]]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n').filter((l) => /:\d+:\d+: /.test(l))).toEqual([`${answers}${where}`]);
    }
  });
});
