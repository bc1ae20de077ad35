import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/report/html/document.js';
import { ROLLUP_FORMAT_NAMES } from '../../src/report/rollup-formats.js';
import { REDACTED_MARKDOWN, REDACTED_NOTICE, pseudonym } from '../../src/redact.js';
import { hasStackTrace, run } from '../helpers/cli.js';
import { writeMarkedAnswers } from '../helpers/redaction.js';

const GROUP = 'examples/group';
const UNITS = ['burbank-studio', 'london-post', 'streaming'].map((u) => `${GROUP}/${u}.yaml`);
const AS_OF = ['--as-of', '2026-11-22'];

interface RollupJson {
  redacted: boolean;
  level: number;
  levels: number[];
  score: number;
  weighted: boolean;
  checklists: { id: string; score: number; weakest: string | null }[];
  units: { name: string; weight: number; score: number; checklists: Record<string, number | null>; apart: string[] }[];
  commonGaps: { id: string; severity: string; units: string[] }[];
}
const rollupJson = (args: string[], cwd?: string) => {
  const result = run(['rollup', ...args, ...AS_OF, '-f', 'json'], { cwd });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as RollupJson;
};
const reportOf = (file: string, ...options: string[]) => JSON.parse(run(['report', file, ...AS_OF, '-f', 'json', ...options]).stdout) as { score: number };

function unitsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-rollup-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const unit = (org: string, answers: string, extra = '') => `breachready: 1\norganization: ${org}\nlevel: 1\n${extra}checklists: [privileged-access, backup-recovery]\nanswers:\n${answers}`;

describe('rollup FILE|DIR...', () => {
  it("reads a directory's *.yaml files in name order, scores each unit as report does at the common level, and says so", () => {
    const result = run(['rollup', GROUP, ...AS_OF, '-f', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('note: Compared at level 2 (the units are at levels 2 and 3) on the 14 checklists every unit covers\n');
    const data = JSON.parse(result.stdout) as RollupJson;
    expect(data.units.map((u) => u.name)).toEqual(['Northlight Burbank Studio', 'Northlight London Post', 'Northlight+ Streaming']);
    expect(data.units.map((u) => u.score)).toEqual(UNITS.map((file) => reportOf(file, '--level', '2').score));
    expect(rollupJson(UNITS)).toEqual(data);
  });

  it("weighs each unit by its file's weight (1 when none), and names the weakest unit per checklist", () => {
    const data = rollupJson([GROUP]);
    expect(data.weighted).toBe(true);
    expect(data.units.map((u) => u.weight)).toEqual([3, 1, 2]);
    const weighted = data.units.reduce((sum, u) => sum + u.weight * u.score, 0) / 6;
    expect(data.score).toBeCloseTo(weighted, 0);
    for (const checklist of data.checklists) {
      const lowest = Math.min(...data.units.map((u) => u.checklists[checklist.id] ?? Infinity));
      expect(data.units.find((u) => u.name === checklist.weakest)!.checklists[checklist.id]).toBe(lowest);
    }
    const equal = unitsDir({ 'a.yaml': unit('A', '  privileged-access/admin-mfa: yes\n'), 'b.yaml': unit('B', '  privileged-access/admin-mfa: no\n') });
    const plain = rollupJson([equal]);
    expect(plain.weighted).toBe(false);
    expect(plain.score).toBe((plain.units[0]!.score + plain.units[1]!.score) / 2);
  });

  it('ranks the gaps open in at least half of the units first, and lists incomplete or stale units apart', () => {
    const data = rollupJson([GROUP]);
    const counts = data.commonGaps.map((g) => g.units.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(data.commonGaps.slice(0, 2).map((g) => g.id)).toEqual(['privileged-access/admin-mfa', 'identity-access/staff-mfa']);
    expect(data.units.map((u) => u.apart)).toEqual([[], ['10 answers past max-age'], ['6 unanswered']]);
  });

  it.each(ROLLUP_FORMAT_NAMES)('writes %s', (format) => {
    const result = run(['rollup', GROUP, ...AS_OF, '-f', format]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Northlight London Post');
    expect(result.stdout).not.toContain('\u001b[');
    if (format === 'text') expect(result.stdout).toMatch(/Group score 55\.3 \/ 100/);
    if (format === 'markdown') expect(result.stdout).toContain('| **Group** | **55.3** |');
  });

  it('writes html: one self-contained page with a heat map of units by checklist and its numbers in a table', () => {
    const result = run(['rollup', GROUP, ...AS_OF, '-f', 'html']);
    expect(result.status, result.stderr).toBe(0);
    const html = result.stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    const data = rollupJson([GROUP]);
    const chart = /<svg[^>]*id="chart-units"[\s\S]*?<\/svg>/.exec(html)![0];
    // A row per unit and the group, a cell per checklist, each cell the score as a whole number.
    expect(chart.match(/class="heat-row"/g)).toHaveLength(data.units.length + 1);
    expect(chart).toMatch(/<title id="chart-units-title">[^<]+<\/title><desc id="chart-units-desc">[^<]+<\/desc>/);
    // The same figures as the Markdown heat map's row for the first unit.
    const first = data.units[0]!.name;
    const markdown = run(['rollup', GROUP, ...AS_OF, '-f', 'markdown']).stdout;
    const [, ...cells] = markdown.split('\n').find((l) => l.startsWith(`| ${first} |`))!.slice(2, -2).split(' | ');
    expect(cells).toHaveLength(data.checklists.length + 1);
    expect(html).toContain(`<td>${first}</td>${cells.map((c) => `<td class="num">${c}</td>`).join('')}</tr>`);
    expect(html).toContain('Group score 55.3 / 100');
    expect(run(['rollup', GROUP, ...AS_OF, '-f', 'html']).stdout).toBe(html);
    // The committed example is what the CLI writes today (npm run examples).
    expect(run(['rollup', 'group', ...AS_OF, '-f', 'html'], { cwd: 'examples' }).stdout).toBe(readFileSync(`${GROUP}/group.rollup.html`, 'utf8'));
  });

  it('applies --fail-on and --min-unit-score to every unit and --min-score to the group: one line per reason, exit 1', () => {
    const result = run(['rollup', GROUP, ...AS_OF, '-f', 'json', '--fail-on', 'critical', '--min-score', '60', '--min-unit-score', '50']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toBeTruthy();
    const lines = result.stderr.trim().split('\n').filter((l) => !l.startsWith('note:'));
    expect(lines[0]).toBe('breachready: policy failed:');
    expect(lines.slice(1).map((l) => l.trim().replace(/:.*/, ''))).toEqual(['--min-score 60', 'Northlight Burbank Studio', 'Northlight London Post', 'Northlight+ Streaming', 'Northlight+ Streaming']);
    expect(result.stderr).toContain('  Northlight+ Streaming: --min-unit-score 50: the score is 47.8\n');
    expect(result.stderr).toMatch(/ {2}Northlight London Post: --fail-on critical: \d+ open gaps? at or above critical/);
    expect(run(['rollup', GROUP, ...AS_OF, '--min-score', '50', '--min-unit-score', '40']).status).toBe(0);
  });

  it('shows hostile unit names as text: no terminal escapes, no Markdown links, no forged stderr lines', () => {
    const evil = '"\\e[31mEvil [x](https://evil.example)\\nbreachready: forged"';
    const dir = unitsDir({ 'a.yaml': unit(evil, '  privileged-access/admin-mfa: no\n'), 'b.yaml': unit('B', '  privileged-access/admin-mfa: yes\n') });
    const text = run(['rollup', dir, ...AS_OF, '--fail-on', 'critical'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('Evil [x](https://evil.example)');
    expect(text.stdout).not.toContain('\u001b[31mEvil');
    expect(text.stderr).not.toMatch(/^breachready: forged/m);
    const markdown = run(['rollup', dir, ...AS_OF, '-f', 'markdown']);
    expect(markdown.stdout).toContain('Evil \\[x\\]');
    expect(markdown.stdout).not.toContain('](https://evil');
    const html = run(['rollup', dir, ...AS_OF, '-f', 'html']);
    expect(html.stdout).toContain('Evil [x](https://evil.example)');
    expect(html.stdout).not.toContain('\u001b');
    expect(html.stdout).not.toMatch(/<a [^>]*evil/);
  });

  it('a bad unit file: its file:line:col, exit 2, nothing written', () => {
    const dir = unitsDir({ 'a.yaml': unit('A', '  privileged-access/admin-mfa: yes\n'), 'b.yaml': unit('B', '  privileged-access/admin-mfa: maybe\n') });
    const result = run(['rollup', dir, ...AS_OF]);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toMatch(/b\.yaml:6:32: answers\.privileged-access\/admin-mfa: unknown answer "maybe"/);
    expect(hasStackTrace(result.stderr)).toBe(false);
    const weight = unitsDir({ 'a.yaml': unit('A', '  privileged-access/admin-mfa: yes\n', 'weight: -2\n') });
    expect(run(['rollup', weight]).stderr).toMatch(/a\.yaml:4:9: weight: must be a positive number/);
    const empty = mkdtempSync(join(tmpdir(), 'breachready-rollup-'));
    mkdirSync(join(empty, 'sub'));
    copyFileSync(UNITS[0]!, join(empty, 'sub', 'unit.yaml'));
    expect(run(['rollup', empty])).toMatchObject({ status: 2, stdout: '' });
  });

  it('--redact names units Unit A, B, C in the order given and leaves no free text in any format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-rollup-'));
    const markers = writeMarkedAnswers(dir);
    const second = mkdtempSync(join(tmpdir(), 'breachready-rollup-'));
    writeMarkedAnswers(second);
    for (const format of ROLLUP_FORMAT_NAMES) {
      const result = run(['rollup', join(dir, 'answers.yaml'), join(second, 'answers.yaml'), ...AS_OF, '--redact', '-f', format]);
      expect(result.status).toBe(0);
      for (const mark of Object.values(markers)) expect((result.stdout + result.stderr).toLowerCase()).not.toContain(mark.toLowerCase());
      if (format === 'text') expect(result.stdout).toContain(REDACTED_NOTICE);
      if (format === 'markdown') expect(result.stdout).toContain(REDACTED_MARKDOWN);
      if (format === 'html') expect(result.stdout).toContain(REDACTED_NOTICE);
    }
    const data = rollupJson([...UNITS].reverse().concat(['--redact']));
    expect(data.redacted).toBe(true);
    expect(data.units.map((u) => u.name)).toEqual([pseudonym(0), pseudonym(1), pseudonym(2)]);
    const kept = rollupJson([GROUP, '--redact', '--keep-names']);
    expect(kept.units[0]!.name).toBe('Northlight Burbank Studio');
    expect(readFileSync(UNITS[0]!, 'utf8')).toContain('assessor: Larkspur');
    expect(run(['rollup', GROUP, ...AS_OF, '--redact', '-f', 'json']).stdout).not.toContain('Larkspur');
  });
});

describe('rollup -o', () => {
  it('writes the files, then fails the policy: the reports are there to read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-rollup-o-'));
    const [html, md] = [join(dir, 'group.html'), join(dir, 'group.md')];
    const result = run(['rollup', GROUP, ...AS_OF, '-o', html, '-o', md, '--fail-on', 'critical']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`wrote ${html}\nwrote ${md}\n`);
    expect(result.stderr).toMatch(/policy failed:/);
    expect(readFileSync(html, 'utf8')).toBe(run(['rollup', GROUP, ...AS_OF, '-f', 'html']).stdout);
    expect(readFileSync(md, 'utf8')).toBe(run(['rollup', GROUP, ...AS_OF, '-f', 'markdown']).stdout);
  });

  it('refuses an extension rollup does not write before reading any unit: exit 2, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-rollup-o-'));
    const result = run(['rollup', GROUP, ...AS_OF, '-o', join(dir, 'group.sarif'), '-o', join(dir, 'group.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^breachready: cannot tell the format of ".*group\.sarif" from its extension: use one of \.txt, \.md, \.markdown, \.json, \.html, \.htm\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

