/** The exports for other tools, end to end: OSCAL assessment results and POA&M, and the CSV files. */
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { referenceProblems, strings } from '../helpers/oscal.js';
import { oscalSchemaErrors } from '../helpers/validators.js';

const EXAMPLE = 'examples/northlight-pictures.yaml';
const AS_OF = ['--as-of', '2026-11-22'];
const EXPORTS = /\.(oscal-ar\.json|oscal-poam\.json|plan\.csv|answers\.csv)$/;
const HOSTILE_ANSWERS = ['tests/fixtures/hostile/answers/control-chars.yaml', 'tests/fixtures/hostile/answers/control-raw.yaml', 'tests/fixtures/hostile/answers/markup-injection.yaml'];
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const tempDir = () => mkdtempSync(join(tmpdir(), 'breachready-exports-'));

describe('OSCAL export', () => {
  it('writes valid, fully linked assessment results and POA&M for the example', () => {
    const dir = tempDir();
    const result = run(['report', '--answers', EXAMPLE, ...AS_OF, '-o', join(dir, 'results.oscal-ar.json'), '-o', join(dir, 'plan.oscal-poam.json')]);
    expect(result.status, result.stderr).toBe(0);
    const ar = JSON.parse(readFileSync(join(dir, 'results.oscal-ar.json'), 'utf8')) as { 'assessment-results': { results: { findings: unknown[] }[] } };
    const poam = JSON.parse(readFileSync(join(dir, 'plan.oscal-poam.json'), 'utf8')) as { 'plan-of-action-and-milestones': { 'poam-items': unknown[] } };
    expect(oscalSchemaErrors('ar', ar)).toEqual([]);
    expect(oscalSchemaErrors('poam', poam)).toEqual([]);
    expect(referenceProblems(ar)).toEqual([]);
    expect(referenceProblems(poam)).toEqual([]);
    const report = JSON.parse(run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', 'json']).stdout) as { counts: { applicable: number }; gaps: unknown[]; accepted: unknown[] };
    expect(ar['assessment-results'].results[0]!.findings).toHaveLength(report.counts.applicable);
    expect(poam['plan-of-action-and-milestones']['poam-items']).toHaveLength(report.gaps.length - report.accepted.length);
  });

  it('gives the same bytes on every run (--format oscal-ar and oscal-poam on stdout)', () => {
    for (const format of ['oscal-ar', 'oscal-poam']) {
      const a = run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', format]);
      const b = run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', format]);
      expect(a.status).toBe(0);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout).toMatch(/^\{\n {2}"(assessment-results|plan-of-action-and-milestones)"/);
    }
  });

  it('stays valid on the hostile answers files, with no control character in any value', () => {
    for (const file of HOSTILE_ANSWERS) {
      for (const [format, model] of [
        ['oscal-ar', 'ar'],
        ['oscal-poam', 'poam'],
      ] as const) {
        const result = run(['report', '--answers', file, ...AS_OF, '--format', format]);
        expect(result.status, `${file} ${result.stderr}`).toBe(0);
        expect(result.stdout).not.toMatch(CONTROL);
        const document = JSON.parse(result.stdout) as unknown;
        expect(oscalSchemaErrors(model, document), file).toEqual([]);
        expect(referenceProblems(document), file).toEqual([]);
        for (const { path, value } of strings(document)) expect(value, `${file} ${path}`).not.toMatch(CONTROL);
      }
    }
  });
});

describe('CSV export', () => {
  it('writes the plan and the answers by extension, each readable by a CSV parser, no cell a formula', () => {
    const dir = tempDir();
    for (const file of [EXAMPLE, ...HOSTILE_ANSWERS]) {
      const result = run(['report', '--answers', file, ...AS_OF, '-o', join(dir, 'plan.csv'), '-o', join(dir, 'all.answers.csv')]);
      expect(result.status, result.stderr).toBe(0);
      for (const name of ['plan.csv', 'all.answers.csv']) {
        const text = readFileSync(join(dir, name), 'utf8');
        expect(text.startsWith('\ufeff'), name).toBe(true);
        const rows = parse(text, { bom: true, record_delimiter: '\r\n' }) as string[][];
        expect(rows.length, `${file} ${name}`).toBeGreaterThan(name === 'plan.csv' ? 0 : 1);
        for (const cell of rows.flat()) {
          expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          expect(cell).not.toMatch(CONTROL);
        }
      }
    }
    expect(run(['report', '--answers', EXAMPLE, ...AS_OF, '--format', 'csv']).stdout).toMatch(/^\ufeffpriority,severity,id,question,/);
  });
});

describe('the example exports', () => {
  it('are checked in and up to date (npm run examples)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'northlight-pictures.yaml'), readFileSync(EXAMPLE));
    const files = readdirSync('examples').filter((f) => EXPORTS.test(f));
    expect(files.sort()).toEqual(['northlight-pictures.answers.csv', 'northlight-pictures.oscal-ar.json', 'northlight-pictures.oscal-poam.json', 'northlight-pictures.plan.csv']);
    run(['report', '--answers', 'northlight-pictures.yaml', ...AS_OF, ...files.flatMap((f) => ['-o', f])], { cwd: dir });
    for (const file of files) expect(readFileSync(join(dir, file), 'utf8'), `${file}: run npm run examples`).toBe(readFileSync(join('examples', file), 'utf8'));
  });
});
