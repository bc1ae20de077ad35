import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

// Synthetic organisations, listed as a seasoned auditor would rank them, best first. The built
// binary must grade them in the same order: grade first, then score within a grade.
const TABLE = [
  ['all-yes', 'A'],
  ['no-ddos-runbook', 'A'],
  ['reused-brand-password', 'B'],
  ['process-gaps', 'B'],
  ['no-offline-backups', 'D'],
  ['no-staff-mfa', 'D'],
  ['three-critical-gaps', 'F'],
  ['no-basics', 'F'],
] as const;
type Name = (typeof TABLE)[number][0];

const GRADE_ORDER = ['A', 'B', 'C', 'D', 'F'];

function report(name: Name): { score: number; grade: string } {
  const result = run(['report', '--answers', `tests/fixtures/calibration/${name}.yaml`, '--format', 'json', '--as-of', '2026-12-01']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { score: number; grade: string };
}

describe('calibration: the grade ranks real risk', () => {
  const results = new Map(TABLE.map(([name]) => [name, report(name)]));
  /** Negative when a ranks above b. */
  const compare = (a: Name, b: Name) => {
    const x = results.get(a)!;
    const y = results.get(b)!;
    return GRADE_ORDER.indexOf(x.grade) - GRADE_ORDER.indexOf(y.grade) || y.score - x.score;
  };

  it.each(TABLE)('%s is graded %s', (name, grade) => {
    expect(results.get(name)!.grade).toBe(grade);
  });

  it('ranks the organisations in the auditor’s order', () => {
    const names = TABLE.map(([name]) => name);
    expect([...names].sort(compare)).toEqual(names);
  });

  it('ranks no MFA for staff below one reused brand-account password', () => {
    expect(compare('no-staff-mfa', 'reused-brand-password')).toBeGreaterThan(0);
  });

  it('ranks no offline backups below no DDoS runbook', () => {
    expect(compare('no-offline-backups', 'no-ddos-runbook')).toBeGreaterThan(0);
  });

  it('gives A to a firm with every level-1 practice and F to one with none', () => {
    expect(results.get('all-yes')).toEqual({ ...results.get('all-yes'), score: 100, grade: 'A' });
    expect(results.get('no-basics')!.grade).toBe('F');
  });
});
