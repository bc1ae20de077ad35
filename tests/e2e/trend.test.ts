import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/report/html/document.js';
import { TREND_FORMAT_NAMES } from '../../src/report/trend-formats.js';
import { REDACTED_MARKDOWN, REDACTED_NOTICE, pseudonym } from '../../src/redact.js';
import { hasStackTrace, run } from '../helpers/cli.js';
import { writeMarkedAnswers } from '../helpers/redaction.js';

const MAY = 'examples/trend/northlight-2026-05.yaml';
const AUG = 'examples/trend/northlight-2026-08.yaml';
const NOV = 'examples/northlight-pictures.yaml';

interface Point {
  date: string;
  commit: string | null;
  file: string | null;
  score: number;
  checklists: Record<string, number | null>;
}
interface Gap {
  id: string;
}
interface TrendJson {
  redacted: boolean;
  organization: string | null;
  level: number;
  points: Point[];
  improved: { checklist: string; change: number }[];
  regressed: { checklist: string; change: number }[];
  steps: { from: string; to: string; opened: Gap[]; closed: Gap[] }[];
}
const trendJson = (args: string[], cwd?: string) => {
  const result = run(['trend', ...args, '-f', 'json'], { cwd });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as TrendJson;
};
const reportScore = (file: string, asOf: string, cwd?: string) => JSON.parse(run(['report', file, '--as-of', asOf, '-f', 'json'], { cwd }).stdout).score as number;

function git(dir: string, ...args: string[]) {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}
function commitAt(dir: string, date: string, message: string) {
  git(dir, 'add', '-A');
  execFileSync('git', ['commit', '-qm', message], {
    cwd: dir,
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

describe('trend FILE...', () => {
  it('orders the sittings by date whatever the argument order, and says so in one line', () => {
    const given = run(['trend', NOV, MAY, AUG, '-f', 'json']);
    const ordered = run(['trend', MAY, AUG, NOV, '-f', 'json']);
    expect(given.status).toBe(0);
    expect(given.stdout).toBe(ordered.stdout);
    expect(given.stderr).toBe("note: 3 sittings ordered by each file's date: field; the same date keeps the order given\n");
    const data = JSON.parse(given.stdout) as TrendJson;
    expect(data.points.map((p) => [p.date, p.file])).toEqual([
      ['2026-05-11', MAY],
      ['2026-08-17', AUG],
      ['2026-11-16', NOV],
    ]);
  });

  it("scores each sitting as its own report does on its date, and lists the movers and each step's gaps", () => {
    const data = trendJson([MAY, AUG, NOV]);
    expect(data.points.map((p) => p.score)).toEqual([reportScore(MAY, '2026-05-11'), reportScore(AUG, '2026-08-17'), reportScore(NOV, '2026-11-16')]);
    expect(data.points[0]!.score).toBeLessThan(data.points[2]!.score);
    expect(data.improved[0]).toMatchObject({ checklist: 'patch-management' });
    expect(data.improved.map((a) => a.change)).toEqual([...data.improved.map((a) => a.change)].sort((a, b) => b - a));
    // August answered two supplier controls better than November: opened again in the last step.
    expect(data.steps[1]!.opened.map((g) => g.id).sort()).toEqual(['third-party-access/remote-tools-controlled', 'third-party-access/supplier-security-oversight']);
    expect(data.steps[0]!.closed.length).toBeGreaterThan(0);
  });

  it.each(TREND_FORMAT_NAMES)('writes %s', (format) => {
    const result = run(['trend', MAY, AUG, NOV, '-f', format]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2026-08-17');
    expect(result.stdout).not.toContain('\u001b[');
    if (format === 'text') expect(result.stdout).toMatch(/Overall\s+[▁▂▃▄▅▆▇█]{3}\s+30\.9\s+41\.4\s+46\.9\s+\+16\.0/);
    if (format === 'markdown') expect(result.stdout).toContain('| **Overall** |');
  });

  it('writes html: one self-contained page whose line chart has a line per area and its numbers in a table', () => {
    const result = run(['trend', MAY, AUG, NOV, '-f', 'html']);
    expect(result.status, result.stderr).toBe(0);
    const html = result.stdout;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    const chart = /<svg[^>]*id="chart-trend"[\s\S]*?<\/svg>/.exec(html)![0];
    const checklists = trendJson([MAY, AUG, NOV]).points[0]!.checklists;
    expect(chart.match(/class="line-series"/g)).toHaveLength(Object.keys(checklists).length + 1);
    expect(chart).toMatch(/<title id="chart-trend-title">[^<]+<\/title><desc id="chart-trend-desc">[^<]+<\/desc>/);
    // The overall scores of the three sittings, in the table beside the chart.
    expect(html).toMatch(/<td><strong>Overall<\/strong><\/td><td class="num">30\.9<\/td><td class="num">41\.4<\/td><td class="num">46\.9<\/td><td class="num">\+16\.0<\/td>/);
    expect(html).toContain(`<td>${MAY}</td>`);
    expect(run(['trend', MAY, AUG, NOV, '-f', 'html']).stdout).toBe(html);
    // The committed example is what the CLI writes today (npm run examples).
    const example = run(['trend', 'trend/northlight-2026-05.yaml', 'trend/northlight-2026-08.yaml', 'northlight-pictures.yaml', '-f', 'html'], { cwd: 'examples' });
    expect(example.stdout).toBe(readFileSync('examples/trend/northlight.trend.html', 'utf8'));
  });

  it('escapes the organisation and file names in html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-'));
    const evil = '<img src=x onerror=alert(1)> & "Co"';
    writeFileSync(join(dir, '<b>early.yaml'), readFileSync(MAY, 'utf8').replace(/^organization: .*$/m, `organization: '${evil}'`));
    copyFileSync(NOV, join(dir, 'late.yaml'));
    const result = run(['trend', '<b>early.yaml', 'late.yaml', '-f', 'html'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('<img');
    expect(result.stdout).not.toContain('<b>');
    expect(result.stdout).toContain('&lt;b&gt;early.yaml');
  });

  it('colours the text only when asked', () => {
    const coloured = run(['trend', MAY, NOV], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[');
    expect(run(['trend', MAY, NOV, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('compares at the lowest level when a sitting was assessed lower, and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-'));
    writeFileSync(join(dir, 'early.yaml'), readFileSync(MAY, 'utf8').replace(/^level: 3$/m, 'level: 1'));
    copyFileSync(NOV, join(dir, 'late.yaml'));
    const result = run(['trend', 'early.yaml', 'late.yaml', '-f', 'json'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('note: Compared at level 1 (the sittings are at levels 1 and 3) on the 14 checklists every sitting covers\n');
    const data = JSON.parse(result.stdout) as TrendJson;
    expect(data.level).toBe(1);
    expect(data.points[1]!.score).toBe(JSON.parse(run(['report', 'late.yaml', '--as-of', '2026-11-16', '--level', '1', '-f', 'json'], { cwd: dir }).stdout).score);
  });

  it('refuses an undated file with its location, and a single sitting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-'));
    writeFileSync(join(dir, 'undated.yaml'), readFileSync(MAY, 'utf8').replace(/^date: .*\n/m, ''));
    const undated = run(['trend', 'undated.yaml', join(process.cwd(), NOV)], { cwd: dir });
    expect(undated).toMatchObject({ status: 2, stdout: '' });
    expect(undated.stderr).toMatch(/^undated\.yaml:1:1: no `date:`/m);
    expect(hasStackTrace(undated.stderr)).toBe(false);
    const one = run(['trend', NOV]);
    expect(one).toMatchObject({ status: 2, stdout: '' });
    expect(one.stderr).toContain('a trend needs at least two sittings');
  });

  it('--redact leaves no free text in any format, and names the organisation Unit A', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-'));
    const markers = writeMarkedAnswers(dir);
    writeFileSync(join(dir, 'later.yaml'), readFileSync(join(dir, 'answers.yaml'), 'utf8').replace('date: 2026-11-01', 'date: 2026-12-01'));
    for (const format of TREND_FORMAT_NAMES) {
      const result = run(['trend', 'answers.yaml', 'later.yaml', '--redact', '-f', format], { cwd: dir });
      expect(result.status).toBe(0);
      for (const mark of Object.values(markers)) expect((result.stdout + result.stderr).toLowerCase()).not.toContain(mark.toLowerCase());
      expect(result.stdout).toContain(pseudonym(0));
      expect(result.stdout).not.toContain('later.yaml');
      if (format === 'text') expect(result.stdout).toContain(REDACTED_NOTICE);
      if (format === 'markdown') expect(result.stdout).toContain(REDACTED_MARKDOWN);
      if (format === 'html') expect(result.stdout).toContain(REDACTED_NOTICE);
    }
    expect(trendJson(['answers.yaml', 'later.yaml', '--redact'], dir).redacted).toBe(true);
  });
});

describe('trend --git FILE', () => {
  function history() {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-git-'));
    git(dir, 'init', '-q');
    // The first version has no date: the commit date stands in.
    writeFileSync(join(dir, 'answers.yaml'), readFileSync(MAY, 'utf8').replace(/^date: .*\n/m, ''));
    commitAt(dir, '2026-05-20', 'first sitting');
    writeFileSync(join(dir, 'notes.txt'), 'unrelated');
    commitAt(dir, '2026-06-01', 'not the answers');
    copyFileSync(AUG, join(dir, 'answers.yaml'));
    commitAt(dir, '2026-08-18', 'second sitting');
    copyFileSync(NOV, join(dir, 'answers.yaml'));
    commitAt(dir, '2026-11-17', 'third sitting');
    return dir;
  }

  it('reads every commit that changed the file, dated by the file, else by the commit', () => {
    const dir = history();
    const commits = git(dir, 'log', '--format=%H', '--', 'answers.yaml').trim().split('\n').reverse();
    const result = run(['trend', '--git', 'answers.yaml', '-f', 'json'], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("note: 3 sittings ordered by each file's date: field, else its commit date; the same date keeps the order of the commits\n");
    const data = JSON.parse(result.stdout) as TrendJson;
    expect(data.points.map((p) => [p.date, p.commit])).toEqual([
      ['2026-05-20', commits[0]],
      ['2026-08-17', commits[1]],
      ['2026-11-16', commits[2]],
    ]);
    expect(data.points.map((p) => p.score)).toEqual(trendJson([MAY, AUG, NOV]).points.map((p) => p.score));
    for (const format of TREND_FORMAT_NAMES) {
      const out = run(['trend', '--git', 'answers.yaml', '-f', format], { cwd: dir });
      expect(out.status).toBe(0);
      expect(out.stdout).toContain(commits[1]!.slice(0, 7));
    }
  });

  it('names a bad version by file@commit:line:col, exit 2', () => {
    const dir = history();
    writeFileSync(join(dir, 'answers.yaml'), readFileSync(NOV, 'utf8').replace('level: 3', 'level: 7'));
    commitAt(dir, '2026-12-01', 'broken');
    const short = git(dir, 'rev-parse', '--short=7', 'HEAD').trim();
    const result = run(['trend', '--git', 'answers.yaml'], { cwd: dir });
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`answers\\.yaml@${short}:\\d+:\\d+: level: level must be 1, 2 or 3`));
  });

  it('outside a repository, or without git, says so in one line with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-nogit-'));
    copyFileSync(NOV, join(dir, 'answers.yaml'));
    const outside = run(['trend', '--git', 'answers.yaml'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(outside).toMatchObject({ status: 2, stdout: '' });
    expect(outside.stderr).toBe('breachready: "answers.yaml" is not in a git repository: --git reads the file\'s history from git\n');
    const noGit = run(['trend', '--git', 'answers.yaml'], { cwd: dir, env: { PATH: dir } });
    expect(noGit).toMatchObject({ status: 2, stdout: '' });
    expect(noGit.stderr).toBe('breachready: --git needs git, which is not installed (or not on PATH)\n');
    const two = run(['trend', '--git', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(two.stderr).toContain('--git reads one file');
  });
});

describe('trend -o', () => {
  it('writes each file in the format of its extension, atomically, and prints nothing unless -f asks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-o-'));
    const [html, json] = [join(dir, 'trend.html'), join(dir, 'trend.json')];
    const result = run(['trend', MAY, AUG, NOV, '-o', html, '-o', json]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`wrote ${html}\nwrote ${json}\n`);
    expect(readFileSync(html, 'utf8')).toBe(run(['trend', MAY, AUG, NOV, '-f', 'html']).stdout);
    expect(readFileSync(json, 'utf8')).toBe(run(['trend', MAY, AUG, NOV, '-f', 'json']).stdout);
    // -f still prints, beside the files.
    expect(run(['trend', MAY, AUG, NOV, '-o', join(dir, 'again.md'), '-f', 'json']).stdout).toBe(readFileSync(json, 'utf8'));
  });

  it('a format trend does not write, or a folder that is not there: exit 2 in one line, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-trend-o-'));
    const csv = run(['trend', MAY, NOV, '-o', join(dir, 'trend.csv'), '-o', join(dir, 'trend.md')]);
    expect(csv.status).toBe(2);
    expect(csv.stderr.trim()).toBe(`breachready: cannot tell the format of "${join(dir, 'trend.csv')}" from its extension: use one of .txt, .md, .markdown, .json, .html, .htm`);
    const missing = run(['trend', MAY, NOV, '-o', join(dir, 'trend.md'), '-o', join(dir, 'no', 'trend.html')]);
    expect(missing.status).toBe(2);
    expect(hasStackTrace(missing.stderr)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});

