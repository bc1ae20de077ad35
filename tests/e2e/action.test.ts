/**
 * The composite action's steps, run as a GitHub runner would run them: each `run` under
 * `bash -eo pipefail` with its `env` (inputs substituted), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, and GITHUB_ACTION_PATH at this (built) repository. The workspace is a shallow clone of a
 * throwaway repository with a base branch and a pull-request branch.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, NODE, ROOT } from '../helpers/cli.js';

interface Step {
  id?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const ANSWERS = 'security/breachready-answers.yaml';
const PASS = readFileSync(join(ROOT, 'examples/ci-pass.yaml'), 'utf8');
const FAIL = readFileSync(join(ROOT, 'examples/ci-fail.yaml'), 'utf8');
const AS_OF = '2026-11-22';
const gitEnv = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1' };

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...gitEnv } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** A repository whose main branch has `base` (or no answers file) and branch `pr` has `head`; the workspace is a depth-1 clone of `pr`. */
function pullRequest(base: string | undefined, head: string): string {
  const origin = mkdtempSync(join(tmpdir(), 'breachready-origin-'));
  git(origin, 'init', '-q', '-b', 'main');
  mkdirSync(join(origin, 'security'));
  writeFileSync(join(origin, 'README.md'), 'a repository\n');
  if (base !== undefined) writeFileSync(join(origin, ANSWERS), base);
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '-m', 'base');
  git(origin, 'checkout', '-q', '-b', 'pr');
  writeFileSync(join(origin, ANSWERS), head);
  git(origin, 'add', '.');
  git(origin, 'commit', '-q', '--allow-empty', '-m', 'head');
  const workspace = join(mkdtempSync(join(tmpdir(), 'breachready-ws-')), 'repo');
  git(tmpdir(), 'clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin}`, workspace);
  return workspace;
}

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** `name=value` and `name<<DELIM ... DELIM` lines, as the runner reads GITHUB_OUTPUT. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

/** Runs action.yml's steps in `workspace` with these inputs (defaults for the rest), as the runner would. */
function runAction(workspace: string, inputs: Record<string, string>, event: { baseRef?: string } = {}): ActionRun {
  for (const name of Object.keys(inputs)) expect(action.inputs, `unknown input ${name}`).toHaveProperty(name);
  const value = (name: string) => inputs[name] ?? action.inputs[name]?.default ?? '';
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, name: string) => value(name)).replace(/\$\{\{[^}]*\}\}/g, (m) => {
      throw new Error(`an expression this simulated runner does not know: ${m}`);
    });
  const runner = mkdtempSync(join(tmpdir(), 'breachready-runner-'));
  const summaryFile = join(runner, 'step_summary.md');
  writeFileSync(summaryFile, '');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|GITHUB_|RUNNER_|INPUT_)/i.test(key)));
  const stepOutputs: Record<string, Record<string, string>> = {};
  let stdout = '';
  let stderr = '';
  let status: number | null = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    expect(step.shell).toBe('bash');
    const outputFile = join(runner, `output_${index}`);
    writeFileSync(outputFile, '');
    const env = {
      ...inherited,
      NO_COLOR: '1',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_NAME: event.baseRef ? 'pull_request' : 'push',
      RUNNER_TEMP: runner,
      ...(event.baseRef ? { GITHUB_BASE_REF: event.baseRef } : {}),
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expression(v)])),
    };
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
    stdout += result.stdout;
    stderr += result.stderr;
    if (step.id) stepOutputs[step.id] = readOutputs(readFileSync(outputFile, 'utf8'));
    status = result.status;
    if (status !== 0) break;
  }
  const outputs = Object.fromEntries(
    Object.entries(action.outputs).map(([name, { value }]) => {
      const [, id, output] = /steps\.([\w-]+)\.outputs\.([\w-]+)/.exec(value)!;
      return [name, stepOutputs[id!]?.[output!] ?? ''];
    }),
  );
  return { status, stdout, stderr, outputs, summary: readFileSync(summaryFile, 'utf8') };
}

const lineOf = (text: string, key: string) => text.split('\n').findIndex((l) => l.trimStart().startsWith(`${key}:`)) + 1;

describe('the GitHub Action on a pull request', () => {
  it('fails when a critical answer turns from yes to no: an annotation on its line and the regression in the summary', () => {
    const head = PASS.replace(/ {2}privileged-access\/admin-mfa:\n {4}answer: yes\n {4}evidence: [^\n]*\n/, '  privileged-access/admin-mfa: no\n');
    expect(head).not.toBe(PASS);
    const workspace = pullRequest(PASS, head);
    expect(git(workspace, 'rev-parse', '--is-shallow-repository')).toBe('true');
    const result = runAction(workspace, { answers: ANSWERS, 'fail-on': 'critical', 'as-of': AS_OF, formats: 'sarif,markdown' }, { baseRef: 'main' });

    expect(result.status, result.stderr).toBe(1);
    const line = lineOf(head, 'privileged-access/admin-mfa');
    expect(result.stderr).toMatch(new RegExp(`^::error file=security/breachready-answers\\.yaml,line=${line},title=critical%3A privileged-access/admin-mfa::`, 'm'));
    expect(result.stderr).toContain('--fail-on-regression: 1 regression since');
    expect(result.summary).toMatch(/^## Security readiness\n/);
    expect(result.summary).toContain('| Score | 96.2 |');
    expect(result.summary).toMatch(/### Regressed \(1\)\n\n\| Severity \| Question \| Change \|\n\| --- \| --- \| --- \|\n\| critical \| privileged-access\/admin-mfa: [^|]+ \| new gap \(yes -&gt; no\) \|/);
    expect(result.summary).toContain('### Failing gaps (--fail-on critical) (1)');
    // The short summary replaces the full report in the job summary.
    expect(result.summary).not.toContain('# Security readiness report');
    expect(result.outputs).toMatchObject({ regressions: '1', 'open-gaps': '1', 'reports-dir': 'breachready-reports' });
    expect(result.outputs.grade).toMatch(/^[A-F]$/);
    expect(Number(result.outputs.score)).toBeLessThan(96.2);
    expect(result.outputs.reports!.split('\n')).toEqual(['breachready-reports/readiness.summary.md', 'breachready-reports/readiness.sarif', 'breachready-reports/readiness.markdown']);
    for (const file of result.outputs.reports!.split('\n')) expect(readFileSync(join(workspace, file), 'utf8').length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync(join(workspace, 'breachready-reports/readiness.sarif'), 'utf8')).version).toBe('2.1.0');
    // The shallow clone fetched the base branch to read the baseline.
    expect(git(workspace, 'rev-parse', '--verify', 'origin/main')).toMatch(/^[0-9a-f]{40}$/);
  });

  it('passes when a gap is closed, and lists the improvement', () => {
    const workspace = pullRequest(FAIL, PASS);
    const result = runAction(workspace, { answers: ANSWERS, 'fail-on': 'high', 'as-of': AS_OF }, { baseRef: 'main' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/^::error/m);
    expect(result.summary).toContain('| Score | 88.5 | **96.2** |');
    expect(result.summary).toContain('0 regressed, 1 improved, 0 newly answered');
    expect(result.summary).toMatch(/### Improved \(1\)\n\n\| Severity \| Question \| Change \|\n\| --- \| --- \| --- \|\n\| high \| social-media\/unique-credentials: [^|]+ \| gap closed \(no -&gt; yes\) \|/);
    expect(result.summary).toContain('### Failing gaps (--fail-on high) (0)\n\nNone.');
    expect(result.outputs).toMatchObject({ score: '96.2', grade: 'A', 'open-gaps': '0', regressions: '0', reports: 'breachready-reports/readiness.summary.md' });
  });

  it('passes a ratchet on old gaps alone, and fails it on a regression without --fail-on', () => {
    const same = runAction(pullRequest(FAIL, `${FAIL}\n`), { answers: ANSWERS, 'as-of': AS_OF }, { baseRef: 'main' });
    expect(same.status, same.stderr).toBe(0);
    expect(same.summary).toContain('0 regressed, 0 improved');
    const worse = runAction(pullRequest(PASS, FAIL), { answers: ANSWERS, 'as-of': AS_OF }, { baseRef: 'main' });
    expect(worse.status).toBe(1);
    expect(worse.summary).toContain('### Regressed (1)');
    // The ratchet's failure is annotated on the answer's line, though no --fail-on is set.
    const line = lineOf(FAIL, 'social-media/unique-credentials');
    expect(worse.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      expect.stringMatching(new RegExp(`^::error file=security/breachready-answers\\.yaml,line=${line},title=high%3A social-media/unique-credentials::.*%0ARegressed since the baseline: new gap \\(yes -> no\\)\\.%0A`)),
    ]);
    const off = runAction(pullRequest(PASS, FAIL), { answers: ANSWERS, 'as-of': AS_OF, 'fail-on-regression': 'false' }, { baseRef: 'main' });
    expect(off.status).toBe(0);
    expect(off.stderr).not.toMatch(/^::/m);
  });

  it('says so when the answers file is new on the branch, and compares with nothing', () => {
    const result = runAction(pullRequest(undefined, PASS), { answers: ANSWERS, 'as-of': AS_OF }, { baseRef: 'main' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('breachready: no baseline: the answers file is new on this branch; fail-on-regression has nothing to compare with');
    expect(result.summary).toContain('Score **96.2**, grade **A**');
    expect(result.summary).toContain('_no baseline: the answers file is new on this branch._');
  });
});

describe('the GitHub Action on a push', () => {
  it('has no base branch: reports without a comparison and gates on the policy', () => {
    const workspace = pullRequest(PASS, FAIL);
    const result = runAction(workspace, { answers: ANSWERS, 'fail-on': 'high', 'as-of': AS_OF, 'reports-dir': 'out' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('breachready: no baseline: not a pull request');
    expect(result.stderr).toMatch(/^::error file=security\/breachready-answers\.yaml,line=\d+,title=high%3A social-media\/unique-credentials::/m);
    expect(result.summary).not.toContain('Baseline');
    expect(result.summary).toContain('### Failing gaps (--fail-on high) (1)');
    expect(result.outputs).toMatchObject({ score: '88.5', 'open-gaps': '1', regressions: '0', summary: 'out/readiness.summary.md' });
  });

  it('compares with a baseline file given as an input', () => {
    const workspace = pullRequest(PASS, FAIL);
    writeFileSync(join(workspace, 'old.yaml'), PASS);
    const result = runAction(workspace, { answers: ANSWERS, baseline: 'old.yaml', 'as-of': AS_OF });
    expect(result.status).toBe(1);
    expect(result.summary).toContain('### Regressed (1)');
  });
});

describe('the GitHub Action with bad input', () => {
  it('stops with one line and exit 2 for a flag that is not true or false, or an answers file that is not there', () => {
    const workspace = pullRequest(PASS, PASS);
    const flag = runAction(workspace, { answers: ANSWERS, 'require-complete': 'sure' });
    expect(flag.status).toBe(2);
    expect(flag.stderr.trim()).toBe('breachready: input require-complete must be true or false, not "sure"');
    const missing = runAction(workspace, { answers: 'nope.yaml' }, { baseRef: 'main' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yaml');
    expect(missing.outputs.score).toBe('');
    expect(missing.summary).toBe('');
  });

  it('runs no input as shell code', () => {
    const workspace = pullRequest(PASS, PASS);
    const result = runAction(workspace, { answers: ANSWERS, checklists: '"; touch pwned; echo "', formats: '$(touch pwned2)', 'as-of': AS_OF });
    expect(result.status).toBe(2);
    expect(existsSync(join(workspace, 'pwned'))).toBe(false);
    expect(existsSync(join(workspace, 'pwned2'))).toBe(false);
  });

  it('fails with one line when the base branch cannot be fetched', () => {
    const workspace = pullRequest(PASS, PASS);
    const result = runAction(workspace, { answers: ANSWERS, 'as-of': AS_OF }, { baseRef: 'no-such-branch' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^breachready: cannot read the baseline: git fetch of the base branch no-such-branch failed: .+$/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('the hand-written ratchet of docs/ci.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
  const block = [...doc.matchAll(/```yaml\n([\s\S]*?)\n```/g)].map((m) => m[1]!).find((b) => b.includes('BASE_BRANCH'))!;
  const step = (parse(block) as { env: Record<string, string>; run: string }[])[0]!;
  // `npx --yes breachready` as the docs' install step leaves it: this repository's build.
  const bin = mkdtempSync(join(tmpdir(), 'breachready-npx-'));
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = --yes ] && shift\n[ "$1" = breachready ] && shift\nexec "${NODE}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'npx'), 0o755);

  const ratchet = (base: string, head: string) => {
    const workspace = pullRequest(base, head);
    const runner = mkdtempSync(join(tmpdir(), 'breachready-runner-'));
    const summary = join(runner, 'summary.md');
    expect(step.env.BASE_BRANCH).toBe('${{ github.base_ref }}');
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|GITHUB_|RUNNER_)/i.test(key)));
    const env = { ...inherited, PATH: `${bin}:${process.env.PATH}`, BASE_BRANCH: 'main', RUNNER_TEMP: runner, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summary, NO_COLOR: '1' };
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
    const copy = join(workspace, 'readiness.summary.md');
    return { status: result.status, stderr: result.stderr, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '', copy: existsSync(copy) ? readFileSync(copy, 'utf8') : '' };
  };

  it('fails a pull request that regresses and passes one that improves, with the pull-request summary as the job summary', () => {
    const worse = ratchet(PASS, FAIL);
    expect(worse.status, worse.stderr).toBe(1);
    expect(worse.stderr).toContain('--fail-on-regression: 1 regression since');
    // The job summary is the short one, with the comparison, not the whole report.
    expect(worse.summary).toBe(worse.copy);
    expect(worse.summary).toContain('### Regressed (1)');
    const better = ratchet(FAIL, PASS);
    expect(better.status, better.stderr).toBe(0);
    expect(better.summary).toContain('### Improved (1)');
  });
});


describe('report --format summary and -o FILE.summary.md', () => {
  const cli = (args: string[], cwd = ROOT) => spawnSync(NODE, [BIN, 'report', ...args, '--as-of', AS_OF], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } });

  it('writes the same bytes to stdout and to the file, run after run, with the comparison in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-summary-'));
    const args = ['--answers', join(ROOT, 'examples/ci-fail.yaml'), '--baseline', join(ROOT, 'examples/ci-pass.yaml')];
    const stdout = cli([...args, '-f', 'summary'], dir);
    expect(stdout.status).toBe(0);
    // The summary shows the comparison itself: none of it on stderr.
    expect(stdout.stderr).not.toContain('Since the baseline');
    expect(cli([...args, '-o', 'pr.summary.md'], dir).status).toBe(0);
    const first = readFileSync(join(dir, 'pr.summary.md'), 'utf8');
    expect(cli([...args, '-o', 'pr.summary.md'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'pr.summary.md'), 'utf8')).toBe(first);
    expect(stdout.stdout).toBe(first);
    expect(first).toContain('| high | social-media/unique-credentials: ');
  });

  it('keeps hostile answers files from starting a workflow command or a heading', () => {
    const result = cli(['--answers', 'tests/fixtures/answers/hostile.yaml', '-f', 'summary', '--fail-on', 'low']);
    expect(result.stdout).not.toMatch(/^\s*::/m);
    const headings = result.stdout.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toHaveLength(2);
    expect(headings[0]).toBe('## Security readiness');
    expect(headings[1]).toMatch(/^### Failing gaps \(--fail-on low\) \(\d+\)$/);
  });
});
