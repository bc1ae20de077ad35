/**
 * The CI outputs a report run writes besides its formats, declared like them: when each is on,
 * its renderer (same shape as a format's), and where the text goes. Today: GitHub Actions.
 */
import { answersFileName } from './answers/stdin.js';
import { appendFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { FORMATS } from './report/formats.js';
import type { RenderContext, Renderer } from './report/formats.js';
import type { Assessment } from './scoring/model.js';
import { write } from './std-streams.js';

/** GitHub caps a step summary at 1 MiB; stay well under it. */
const SUMMARY_LIMIT_BYTES = 1_000_000;

export interface CiSink {
  /** What it writes and when, in one line. */
  help: string;
  /** Whether this run writes it. */
  active: (env: NodeJS.ProcessEnv, context: RenderContext) => boolean;
  renderer: () => Promise<Renderer>;
  deliver: (text: string, env: NodeJS.ProcessEnv) => void;
}

const isGitHubActions = (env: NodeJS.ProcessEnv) => env.GITHUB_ACTIONS === 'true';

export const CI_SINKS: Readonly<Record<string, CiSink>> = {
  'github-annotations': {
    help: 'GitHub Actions annotations for the open gaps that fail --fail-on or --fail-on-regression',
    // A --fail-on policy, or a ratchet that found a regression: the gaps that fail the run.
    active: (env, context) =>
      isGitHubActions(env) && ((context.failOn ?? 'none') !== 'none' || Boolean(context.failOnRegression && context.comparison?.regressed.length)),
    renderer: async () => (await import('./report/github.js')).renderAnnotations,
    // Workflow commands are read from both streams; stderr keeps stdout clean for data.
    deliver: (text) => write('stderr', text),
  },
  'github-step-summary': {
    help: 'the GitHub Actions job summary: the Markdown report, or with --baseline the pull-request summary',
    active: (env) => isGitHubActions(env) && Boolean(env.GITHUB_STEP_SUMMARY),
    // With a baseline the reviewer wants what changed, short; otherwise the report itself.
    renderer: async () => {
      const [markdown, summary] = await Promise.all([FORMATS.markdown.renderer(), FORMATS.summary.renderer()]);
      return (assessment, context) => (context.comparison ? summary(assessment, context) : markdown(assessment, context));
    },
    deliver: (text, env) => appendFileSync(env.GITHUB_STEP_SUMMARY!, fitSummary(text)),
  },
};

/** Writes every CI output this environment asks for. */
export async function writeCiOutputs(assessment: Assessment, context: RenderContext, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const named = answersFileName(assessment.answersFile);
  const inCi = { ...context, answersPath: named === undefined ? undefined : workspacePath(named, env) };
  for (const sink of Object.values(CI_SINKS)) {
    if (sink.active(env, inCi)) sink.deliver((await sink.renderer())(assessment, inCi), env);
  }
}

/** A path as annotations need it: relative to the repository root (GITHUB_WORKSPACE), with forward slashes. */
function workspacePath(file: string, env: NodeJS.ProcessEnv): string {
  const root = env.GITHUB_WORKSPACE || process.cwd();
  const path = relative(root, resolve(file));
  return path.startsWith('..') || isAbsolute(path) ? file : path.split(sep).join('/');
}

/** Cuts a Markdown report at a section boundary so it fits the summary limit. */
function fitSummary(markdown: string, limit = SUMMARY_LIMIT_BYTES): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const note = '\n> The full report is longer than a job summary may be: write it with `-o report.md` and upload it as an artifact.\n';
  let cut = markdown.slice(0, limit - Buffer.byteLength(note) - 4096);
  const lastSection = cut.lastIndexOf('\n## ');
  if (lastSection > 0) cut = cut.slice(0, lastSection + 1);
  while (Buffer.byteLength(cut) + Buffer.byteLength(note) > limit) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return `${cut}${note}`;
}
