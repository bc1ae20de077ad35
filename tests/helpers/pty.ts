/** Runs the built CLI in a real pseudo-terminal (util-linux `script`), to type into it like a person. */
import { spawn, spawnSync } from 'node:child_process';
import { BIN, NODE } from './cli.js';

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003' } as const;

export interface Pty {
  /** Everything the terminal showed so far, escape sequences removed. */
  screen(): string;
  /** Everything the terminal received so far, byte for byte (as UTF-8 text). */
  raw(): string;
  /** Resolves when `pattern` has appeared `times` times in the output. */
  waitFor(pattern: RegExp | string, times?: number, timeoutMs?: number): Promise<void>;
  send(keys: string): void;
  /** Kills the terminal itself (`script`), as closing the window would. */
  hangUp(): void;
  /** Sends a signal to the CLI's own process (the child of `script`). */
  signal(signal: NodeJS.Signals): void;
  exited: Promise<number | null>;
}

/** Starts `breachready ...args` in a pty of 100x40 in `cwd`. */
export function startPty(args: string[], cwd: string, env: Record<string, string> = {}): Pty {
  const quoted = [NODE, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', `stty cols 100 rows 40; exec ${quoted}`, '/dev/null'], {
    cwd,
    env: { ...withoutNpm(process.env), TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stdout.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const screen = () => raw.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b[()][A-Z0-9]|\u001b[=>]/g, '');
  const count = (pattern: RegExp | string) =>
    typeof pattern === 'string' ? screen().split(pattern).length - 1 : (screen().match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length;
  return {
    screen,
    raw: () => raw,
    exited,
    send: (keys) => child.stdin.write(keys),
    hangUp: () => child.kill('SIGKILL'),
    signal(signal) {
      // `script` runs a shell that execs node: the CLI is script's only child.
      // ps exits 1 when there is no such child: the CLI has already exited, nothing to signal.
      const found = spawnSync('ps', ['--ppid', String(child.pid), '-o', 'pid='], { encoding: 'utf8' });
      const pid = Number(found.stdout.trim().split('\n')[0]);
      if (pid > 0) process.kill(pid, signal);
    },
    async waitFor(pattern, times = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (count(pattern) < times) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)} x${times}; screen:\n${screen().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      // A prompt is drawn a moment before it listens for keys: let it settle before typing.
      await new Promise((r) => setTimeout(r, 60));
    },
  };
}

/** The environment without what npm or npx set for the test run itself (it changes how breachready names itself in hints). */
function withoutNpm(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('npm_')));
}
