/** GitHub Actions integration: annotations on stderr and the Markdown job summary. */
import { answersFileName } from './answers/stdin.js';
import { appendFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Severity } from './checklist/schema.js';
import type { Assessment } from './scoring/model.js';
import { write } from './std-streams.js';

/** GitHub caps a step summary at 1 MiB; stay well under it. */
const SUMMARY_LIMIT_BYTES = 1_000_000;

export function isGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Emits annotations for the gaps that fail the policy and appends the job summary. */
export async function reportToGitHub(
  assessment: Assessment,
  options: { failOn: Severity | 'none'; answersLine?: number; tool: { name: string; version: string } },
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (options.failOn !== 'none') {
    const { renderAnnotations } = await import('./report/github.js');
    // Workflow commands are read from both streams; stderr keeps stdout clean for data.
    const named = answersFileName(assessment.answersFile);
    const file = named === undefined ? undefined : workspacePath(named, env);
    write('stderr', renderAnnotations(assessment, { file, answersLine: options.answersLine, failOn: options.failOn }));
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const { renderMarkdown } = await import('./report/markdown.js');
    appendFileSync(summaryFile, fitSummary(renderMarkdown(assessment, { tool: options.tool })));
  }
}

/** A path as annotations need it: relative to the repository root (GITHUB_WORKSPACE), with forward slashes. */
function workspacePath(file: string, env: NodeJS.ProcessEnv = process.env): string {
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
