/** Runs the built CLI (bin/breachready.cjs) as a child process, the way users and CI do. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/breachready.cjs', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The Node.js that runs the CLI: this one, or another set by BREACHREADY_TEST_NODE (e.g. Node 24). */
export const NODE = process.env.BREACHREADY_TEST_NODE || process.execPath;

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string;
  env?: Record<string, string | undefined>;
}

/** Runs `breachready ...args` without a TTY, colour off unless the test sets it. */
export function run(args: string[], options: RunOptions = {}): RunResult {
  // npm's own variables (set when the tests run under npm or npx) would change how hints name the command.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
  const env: NodeJS.ProcessEnv = { ...inherited, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(NODE, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** True when output looks like a leaked stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /\n\s+at [\w.<>]+ \(node:/.test(text);
}
