/**
 * The answers-file lock under a real race: child processes (each a separate interview start) call
 * acquireLock on the same file at the same instant, with and without a stale lock present, and
 * never may two of them hold it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/answers/lock.js';
import { CliError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'breachready-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A process id that is certainly not running: one that has just exited. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

// The child: says it is ready, reads the start time, takes each round's lock at its time, keeps what
// it won, and stays alive (so its locks are not stale) until the parent closes its input.
const DRIVER = `
import { readSync } from 'node:fs';
import { acquireLock } from ${JSON.stringify(fileURLToPath(new URL('../../src/answers/lock.ts', import.meta.url)))};
const [files, gap] = JSON.parse(process.argv[2]);
const wait = (ms) => ms > 0 && Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const readLine = () => {
  const buffer = Buffer.alloc(64);
  let text = '';
  for (let n; (n = readSync(0, buffer)) > 0; ) if ((text += buffer.toString('utf8', 0, n)).endsWith('\\n')) break;
  return text;
};
process.stdout.write('ready\\n');
const startAt = Number(readLine());
const results = files.map((file, round) => {
  wait(startAt + round * gap - Date.now());
  try {
    acquireLock(file);
    return 'won';
  } catch (error) {
    return /being edited by another/.test(error.message) ? 'refused' : 'error: ' + error.message;
  }
});
process.stdout.write(JSON.stringify(results) + '\\n');
readLine();
`;

function bundleDriver(): string {
  const entry = join(dir, 'driver-src.mjs');
  writeFileSync(entry, DRIVER);
  const out = join(dir, 'driver.mjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent' });
  return out;
}

/** `children` processes race on `rounds` fresh lock files; per round, what each child got. */
async function race(children: number, rounds: number, stale: boolean): Promise<string[][]> {
  const driver = bundleDriver();
  const files = Array.from({ length: rounds }, (_, i) => join(dir, `${stale ? 'stale' : 'fresh'}-${i}.yaml`));
  if (stale) for (const file of files) writeFileSync(`${file}.lock`, `${deadPid()}@${hostname()}\n`);
  const procs = Array.from({ length: children }, () => {
    const child = spawn(process.execPath, [driver, JSON.stringify([files, 100])], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let buffered = '';
    const waiters: (() => void)[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let nl; (nl = buffered.indexOf('\n')) !== -1; buffered = buffered.slice(nl + 1)) lines.push(buffered.slice(0, nl));
      waiters.splice(0).forEach((w) => w());
    });
    const line = async (n: number) => {
      while (lines.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return lines[n - 1]!;
    };
    const closed = new Promise((resolve) => child.on('close', resolve));
    return { child, line, closed };
  });
  // Every child is running before the first round starts.
  await Promise.all(procs.map((p) => p.line(1)));
  const startAt = Date.now() + 200;
  for (const p of procs) p.child.stdin.write(`${startAt}\n`);
  const outputs = await Promise.all(procs.map(async (p) => JSON.parse(await p.line(2)) as string[]));
  for (const p of procs) p.child.stdin.end();
  await Promise.all(procs.map((p) => p.closed));
  return files.map((_, round) => outputs.map((results) => results[round]!));
}

describe('acquireLock under a race of interview starts', () => {
  it.each([false, true])('200 starts (20 processes x 10 rounds), stale lock present: %s: one holder per round, the others refused', async (stale) => {
    const rounds = await race(20, 10, stale);
    rounds.forEach((results, round) => {
      expect(results.filter((r) => r === 'won'), `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
      expect(results.filter((r) => r !== 'won' && r !== 'refused'), `round ${round}`).toEqual([]);
    });
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp') || name.includes('.lock.'))).toEqual([]);
  }, 120_000);
});

describe('acquireLock, one process', () => {
  it('an empty or partial lock is being created, never stale: it is refused and left in place', () => {
    for (const content of ['', '12']) {
      const file = join(dir, `partial-${content.length}.yaml`);
      writeFileSync(`${file}.lock`, content);
      expect(() => acquireLock(file)).toThrow(CliError);
      expect(readFileSync(`${file}.lock`, 'utf8')).toBe(content);
    }
  });

  it('a stale lock is taken over; release removes only our own lock', () => {
    const file = join(dir, 'takeover.yaml');
    writeFileSync(`${file}.lock`, `${deadPid()}@${hostname()}\n`);
    const lock = acquireLock(file);
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}@${hostname()}\n`);
    expect(() => acquireLock(file)).toThrow(/being edited by another breachready interview/);
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('a lock from another host is held', () => {
    const file = join(dir, 'remote.yaml');
    writeFileSync(`${file}.lock`, `1@another-host.example\n`);
    expect(() => acquireLock(file)).toThrow(/on another-host\.example/);
    expect(existsSync(`${file}.lock`)).toBe(true);
  });
});
