#!/usr/bin/env node
// The GitHub Action's one step (action.yml): finds the baseline (the answers file on the pull
// request's base branch, fetched when the clone is shallow), runs `breachready report` from the
// action's own checkout, then writes the step outputs and the short summary to the job summary.
// Every input arrives in an INPUT_* environment variable, never spliced into shell code.
// Node built-ins only: it runs before anything but the action's own build.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';

/** The inputs action.yml declares, as this script reads them (tests check the two agree). */
export const INPUT_NAMES = ['answers', 'fail-on', 'min-score', 'require-complete', 'level', 'checklists', 'formats', 'baseline', 'fail-on-regression', 'reports-dir', 'as-of'];
/** The step outputs this script writes (action.yml maps its outputs to these). */
export const OUTPUT_NAMES = ['score', 'grade', 'open-gaps', 'regressions', 'reports-dir', 'reports', 'summary'];

/** An input's value: INPUT_FAIL_ON for `fail-on`, trimmed. */
export const envName = (name) => `INPUT_${name.replace(/-/g, '_').toUpperCase()}`;
const input = (env, name) => (env[envName(name)] ?? '').trim();

/** A problem with the inputs or the repository: one line, exit 2, as the CLI does. */
class ActionError extends Error {}

/** A list input: entries separated by commas, spaces or new lines. */
const list = (env, name) => input(env, name).split(/[\s,]+/).filter(Boolean);

function flag(env, name) {
  const value = input(env, name).toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new ActionError(`input ${name} must be true or false, not ${JSON.stringify(value)}`);
}

/** Every input, read and checked before anything runs (the CLI checks the values it takes). */
export function readInputs(env) {
  return {
    answers: input(env, 'answers') || 'breachready-answers.yaml',
    failOn: input(env, 'fail-on'),
    minScore: input(env, 'min-score'),
    requireComplete: flag(env, 'require-complete'),
    level: input(env, 'level'),
    checklists: list(env, 'checklists'),
    // The summary is always written.
    formats: [...new Set(list(env, 'formats'))].filter((f) => f !== 'summary'),
    baseline: input(env, 'baseline'),
    failOnRegression: flag(env, 'fail-on-regression'),
    reportsDir: input(env, 'reports-dir') || 'breachready-reports',
    asOf: input(env, 'as-of'),
  };
}

/** A format's report file: named after the format (the CLI knows its format by that name); the summary stays Markdown. */
export const reportFile = (format) => (format === 'summary' ? 'readiness.summary.md' : `readiness.${format}`);

function git(args, cwd) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { ok: result.status === 0, stderr: (result.stderr ?? '').trim().split('\n')[0] ?? '' };
}

/**
 * The baseline answers file: the input's path; `none`; or, by default, the answers file as it is
 * on the pull request's base branch (none on other events, or when the file is new there).
 * Returns `{ file }`, `{ none: why }`, or nothing when the answers file is missing (the CLI says so).
 */
export function findBaseline(inputs, env, temp) {
  const { answers, baseline } = inputs;
  if (baseline === 'none') return { none: 'no baseline (baseline: none)' };
  if (baseline) return { file: baseline };
  const base = env.GITHUB_BASE_REF;
  if (!base) return { none: 'no baseline: not a pull request' };
  if (!existsSync(answers)) return {};
  const cwd = dirname(resolve(answers));
  const ref = `refs/remotes/origin/${base}`;
  // A shallow checkout (actions/checkout's default) has no base branch: fetch its tip alone.
  if (!git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd).ok) {
    const fetched = git(['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${base}:${ref}`], cwd);
    if (!fetched.ok) throw new ActionError(`cannot read the baseline: git fetch of the base branch ${base} failed: ${fetched.stderr}`);
  }
  // `REF:./FILE` is the file at the same place in the repository as in the working directory.
  const object = `${ref}:./${basename(answers)}`;
  if (!git(['cat-file', '-e', object], cwd).ok) return { none: 'no baseline: the answers file is new on this branch' };
  const shown = spawnSync('git', ['show', object], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (shown.status !== 0) throw new ActionError(`cannot read the baseline from ${base}: ${(shown.stderr ?? '').trim().split('\n')[0]}`);
  const file = join(temp, 'baseline', basename(answers));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, shown.stdout);
  return { file };
}

/** The `breachready report` arguments for these inputs. */
export function reportArgs(inputs, { baseline, summary, json, files }) {
  const option = (name, value) => (value ? [name, value] : []);
  return [
    'report',
    '--answers',
    inputs.answers,
    ...inputs.checklists.flatMap((c) => ['--checklist', c]),
    ...option('--level', inputs.level),
    ...option('--as-of', inputs.asOf),
    ...option('--fail-on', inputs.failOn),
    ...option('--min-score', inputs.minScore),
    ...(inputs.requireComplete ? ['--require-complete'] : []),
    ...(baseline ? ['--baseline', baseline] : []),
    ...(baseline && inputs.failOnRegression ? ['--fail-on-regression'] : []),
    '-o',
    summary,
    '-o',
    json,
    ...files.flatMap((file) => ['-o', file]),
  ];
}

/** `name=value` lines for GITHUB_OUTPUT; a value on several lines goes between delimiters. */
export function outputLines(outputs) {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (!String(value).includes('\n')) return `${name}=${value}\n`;
      const delimiter = `EOF_${randomBytes(8).toString('hex')}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

/** A path as the workflow's later steps use it: relative to the workspace when inside it. */
function workspacePath(file, workspace) {
  const path = relative(workspace, file);
  return path.startsWith('..') || isAbsolute(path) ? file : path.split(sep).join('/');
}

export function main(env = process.env) {
  const inputs = readInputs(env);
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd());
  const actionPath = env.GITHUB_ACTION_PATH || join(dirname(fileURLToPath(import.meta.url)), '..');
  const reportsDir = resolve(workspace, inputs.reportsDir);
  const temp = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'breachready-'));
  const summary = join(reportsDir, reportFile('summary'));
  const json = join(temp, 'readiness.json');
  const files = inputs.formats.map((f) => join(reportsDir, reportFile(f)));

  const found = findBaseline(inputs, env, temp);
  if (found.none) process.stderr.write(`breachready: ${found.none}${inputs.failOnRegression ? '; fail-on-regression has nothing to compare with' : ''}\n`);
  const args = reportArgs(inputs, { baseline: found.file, summary, json, files });
  mkdirSync(reportsDir, { recursive: true });

  // The CLI would write the job summary itself; this script writes it once, with its own note.
  const cliEnv = { ...env };
  delete cliEnv.GITHUB_STEP_SUMMARY;
  const run = spawnSync(process.execPath, [join(actionPath, 'bin', 'breachready.cjs'), ...args], { env: cliEnv, stdio: 'inherit' });
  // Bad input (2), an interruption or a signal: the CLI said why and wrote no report to read.
  if (run.status !== 0 && run.status !== 1) return run.status ?? 1;
  const status = run.status;

  const data = JSON.parse(readFileSync(json, 'utf8'));
  const outputs = {
    score: data.score ?? '',
    grade: data.grade ?? '',
    'open-gaps': Object.values(data.openBySeverity).reduce((a, b) => a + b, 0),
    regressions: data.comparison?.regressed.length ?? 0,
    'reports-dir': workspacePath(reportsDir, workspace),
    reports: [summary, ...files].map((f) => workspacePath(f, workspace)).join('\n'),
    summary: workspacePath(summary, workspace),
  };
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, outputLines(outputs));
  if (env.GITHUB_STEP_SUMMARY) {
    // The notes are this script's own fixed sentences: no input text to escape.
    const note = found.none ? `\n_${found.none}._\n` : '';
    appendFileSync(env.GITHUB_STEP_SUMMARY, `${readFileSync(summary, 'utf8')}${note}`);
  }
  return status;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    process.stderr.write(`breachready: ${error.message}\n`);
    process.exitCode = 2;
  }
}
