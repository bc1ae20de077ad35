/**
 * The start-up path of the built CLI: the code cache (bin/breachready.cjs) never changes what
 * the CLI does, whatever state the cache is in; a missing build is a one-line error; a reader
 * that stops early is not an error.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, hasStackTrace, NODE, ROOT, run } from '../helpers/cli.js';

const REPORT = ['report', '--answers', 'examples/northlight-pictures.yaml', '--format', 'json', '--as-of', '2026-11-22'];

/** Every file under `dir` (the cache layout differs between Node 20 and Node >= 22). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile());
  } catch {
    return [];
  }
}

describe('the code cache', () => {
  const expected = run(REPORT, { env: { NODE_DISABLE_COMPILE_CACHE: '1' } });

  it('is written on the first run and used by the next, with the same output', () => {
    expect(expected.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'breachready-cache-'));
    const first = run(REPORT, { env: { BREACHREADY_CACHE_DIR: dir } });
    expect(first).toEqual(expected);
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    const written = files.map((f) => `${f} ${statSync(join(dir, f)).mtimeMs}`);
    const second = run(REPORT, { env: { BREACHREADY_CACHE_DIR: dir } });
    expect(second).toEqual(expected);
    // The second run took the cache as it was: V8 accepted it, so nothing was written again.
    expect(filesUnder(dir).map((f) => `${f} ${statSync(join(dir, f)).mtimeMs}`)).toEqual(written);
    // The help run has its own cache (a run stores what it compiled), and changes nothing else.
    expect(run(['report', '--help'], { env: { BREACHREADY_CACHE_DIR: dir } }).status).toBe(0);
    expect(run(REPORT, { env: { BREACHREADY_CACHE_DIR: dir } })).toEqual(expected);
  });

  it('runs under other Node options keep a cache of their own (V8 would reject the other one)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-cache-'));
    const env = { ...process.env, NO_COLOR: '1', BREACHREADY_CACHE_DIR: dir };
    const plain = () => spawnSync(NODE, [BIN, ...REPORT], { cwd: ROOT, encoding: 'utf8', env });
    const flagged = () => spawnSync(NODE, ['--no-warnings', BIN, ...REPORT], { cwd: ROOT, encoding: 'utf8', env });
    expect(plain().stdout).toBe(expected.stdout);
    expect(flagged().stdout).toBe(expected.stdout);
    const files = filesUnder(dir).map((f) => `${f} ${statSync(join(dir, f)).mtimeMs}`);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(plain().stdout).toBe(expected.stdout);
    expect(flagged().stdout).toBe(expected.stdout);
    expect(filesUnder(dir).map((f) => `${f} ${statSync(join(dir, f)).mtimeMs}`)).toEqual(files);
  });

  it('is named after the build, and a new build replaces the cache of the one before', () => {
    // A copy of the package whose bundle can be rebuilt: same code, another build hash.
    const dir = mkdtempSync(join(tmpdir(), 'breachready-rebuild-'));
    for (const sub of ['bin', 'dist', 'dist/vendor']) mkdirSync(join(dir, sub));
    for (const file of ['bin/breachready.cjs', 'package.json', 'dist/builtin-checklists.json', ...readdirSync(join(ROOT, 'dist', 'vendor')).map((f) => `dist/vendor/${f}`)]) {
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    const bundle = readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8');
    const header = /^\/\/ breachready build ([0-9a-f]{16})\n\(function \(exports, require, module, __filename, __dirname\) \{/.exec(bundle);
    expect(header, 'the build stores the bundle wrapped and hashed').not.toBeNull();
    writeFileSync(join(dir, 'dist', 'cli.cjs'), bundle);
    const cache = join(dir, 'cache');
    const reportFrom = () => spawnSync(NODE, [join(dir, 'bin', 'breachready.cjs'), ...REPORT], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', BREACHREADY_CACHE_DIR: cache } });
    expect(reportFrom().stdout).toBe(expected.stdout);
    expect(filesUnder(cache)).toEqual([expect.stringMatching(new RegExp(`^cli-report-.*-${header![1]}\\.v8cache$`))]);
    // The next build: a comment more in the bundle, so another hash (and another length for V8).
    const rebuilt = bundle.replace(header![1]!, 'abcdef0123456789').replace(/\n\}\)$/, '\n// rebuilt\n})');
    writeFileSync(join(dir, 'dist', 'cli.cjs'), rebuilt);
    expect(reportFrom().stdout).toBe(expected.stdout);
    expect(filesUnder(cache)).toEqual([expect.stringMatching(/^cli-report-.*-abcdef0123456789\.v8cache$/)]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a corrupt, truncated or foreign cache changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-cache-'));
    run(REPORT, { env: { BREACHREADY_CACHE_DIR: dir } });
    const files = filesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    for (const [i, file] of files.entries()) {
      const content = [Buffer.from('not a cache'), Buffer.alloc(0), Buffer.alloc(4096, 0xff)][i % 3]!;
      writeFileSync(join(dir, file), content);
    }
    for (let i = 0; i < 2; i++) {
      const result = run(REPORT, { env: { BREACHREADY_CACHE_DIR: dir } });
      expect(result).toEqual(expected);
    }
  });

  it('an unusable cache directory changes nothing, and NODE_DISABLE_COMPILE_CACHE writes none', () => {
    const parent = mkdtempSync(join(tmpdir(), 'breachready-cache-'));
    const blocked = join(parent, 'file');
    writeFileSync(blocked, 'a file where the cache directory should be');
    expect(run(REPORT, { env: { BREACHREADY_CACHE_DIR: blocked } })).toEqual(expected);
    const unused = join(parent, 'unused');
    expect(run(REPORT, { env: { BREACHREADY_CACHE_DIR: unused, NODE_DISABLE_COMPILE_CACHE: '1' } })).toEqual(expected);
    expect(filesUnder(unused)).toEqual([]);
  });

  it('is not written by a run that stops at an error, whose cache would lack most of the code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-cache-'));
    expect(run(['report', '--answers', 'no-such-file.yaml'], { env: { BREACHREADY_CACHE_DIR: dir } }).status).toBe(2);
    expect(run(['report', '--format', 'xml'], { env: { BREACHREADY_CACHE_DIR: dir } }).status).toBe(2);
    expect(filesUnder(dir)).toEqual([]);
    expect(run(REPORT, { env: { BREACHREADY_CACHE_DIR: dir } })).toEqual(expected);
    expect(filesUnder(dir).length).toBeGreaterThan(0);
  });

  it('lives in $XDG_CACHE_HOME/breachready, else ~/.cache/breachready, when no directory is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-cache-'));
    const env = { ...process.env };
    delete env.BREACHREADY_CACHE_DIR;
    delete env.XDG_CACHE_HOME;
    const report = (extra: Record<string, string>) => spawnSync(NODE, [BIN, ...REPORT], { cwd: ROOT, encoding: 'utf8', env: { ...env, NO_COLOR: '1', ...extra } });
    expect(report({ XDG_CACHE_HOME: join(dir, 'xdg'), HOME: join(dir, 'home') }).stdout).toBe(expected.stdout);
    expect(filesUnder(join(dir, 'xdg', 'breachready')).length).toBeGreaterThan(0);
    expect(filesUnder(join(dir, 'home'))).toEqual([]);
    expect(report({ HOME: join(dir, 'home') }).stdout).toBe(expected.stdout);
    expect(filesUnder(join(dir, 'home', '.cache', 'breachready')).length).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('an error in a cached run is still one line and its exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-cache-'));
    for (let i = 0; i < 2; i++) {
      const result = run(['report', '--answers', 'tests/fixtures/answers/bad-answers.yaml'], { env: { BREACHREADY_CACHE_DIR: dir } });
      expect(result.status).toBe(2);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });
});

/** The dist/vendor libraries a run loads (yaml, zod, inquirer), from a preloaded module that watches require(). */
function vendorLoads(args: string[], cwd = ROOT): { status: number | null; loaded: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-loads-'));
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `const Module = require('node:module'); const load = Module._load;
Module._load = function (request, ...rest) {
  const m = /vendor\\/(\\w+)\\.cjs$/.exec(request);
  if (m) process.stderr.write('LOADED ' + m[1] + '\\n');
  return load.call(this, request, ...rest);
};`,
  );
  const result = spawnSync(NODE, ['--require', hook, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  rmSync(dir, { recursive: true, force: true });
  return { status: result.status, loaded: [...result.stderr.matchAll(/^LOADED (\w+)$/gm)].map((m) => m[1]!) };
}

describe('what a run loads', () => {
  it('report on a plainly valid answers file, --help and list load none of yaml, zod and Inquirer', () => {
    for (const args of [REPORT, ['report', '--answers', 'examples/ci-pass.yaml', '--format', 'markdown'], ['--help'], ['report', '--help'], ['list']]) {
      expect(vendorLoads(args), args.join(' ')).toEqual({ status: 0, loaded: [] });
    }
  });

  it('a custom checklist in plain YAML loads zod to validate it, but not the yaml parser', () => {
    expect(vendorLoads(['list', '--checklist', 'tests/fixtures/checklists/valid-vendors.yaml'])).toEqual({ status: 0, loaded: ['zod'] });
    const declined = vendorLoads(['validate', 'tests/fixtures/checklists/broken-many.yaml']);
    expect(declined.status).toBe(2);
    expect(declined.loaded).toEqual(expect.arrayContaining(['yaml', 'zod']));
  });

  it('a file the quick path declines goes to the full parser and zod (and still reports right)', () => {
    const result = vendorLoads(['report', '--answers', 'tests/fixtures/answers/bad-answers.yaml']);
    expect(result.status).toBe(2);
    expect(result.loaded).toEqual(expect.arrayContaining(['yaml', 'zod']));
  });
});

describe('start-up', () => {
  it('a run that can reach one command (only that one is declared) behaves as one where every command is', () => {
    // A program option first (--no-color) makes the CLI declare every command. Runs of the default
    // command (the interview) end at its errors here, as stdin is not a terminal.
    const cases = [
      REPORT,
      ['report', '--answers', 'examples/northlight-pictures.yaml', '--bogus'],
      ['report', '--format', 'yaml', '--answers', 'x.yaml'],
      ['list', '--level', '4'],
      [],
      ['--level', '1', 'repot'],
      ['--answers', 'x.yaml', '--bogus'],
      ['--level', '9'],
    ];
    for (const args of cases) {
      const named = run(args);
      const declaredAll = run(['--no-color', ...args]);
      expect(named, args.join(' ')).toEqual(declaredAll);
    }
    expect(run(cases[1]!).stderr).toMatch(/unknown option '--bogus'/);
  });

  it('says in one line when the build is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-nobuild-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'breachready.cjs'));
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
    const result = spawnSync(NODE, [join(dir, 'bin', 'breachready.cjs'), 'list'], { cwd: dir, encoding: 'utf8', env: { ...process.env, BREACHREADY_CACHE_DIR: join(dir, 'cache') } });
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(70);
    expect(result.stderr).toMatch(/^breachready: .*dist\/cli\.cjs is missing: build it with npm run build\n$/);
  });

  it('writes all of a large output to a non-blocking pipe that is slow to read', async () => {
    // stdout is written straight to its descriptor: a non-blocking pipe that fills up must not lose
    // any of it. list --json is larger than a pipe's 64 KB buffer.
    const dir = mkdtempSync(join(tmpdir(), 'breachready-fifo-'));
    const fifo = join(dir, 'out');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const child = spawn(NODE, [BIN, 'list', '--json'], { cwd: ROOT, stdio: ['ignore', writer, 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    closeSync(writer);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    await new Promise((r) => setTimeout(r, 300)); // let the pipe fill up
    const chunks: Buffer[] = [];
    const buffer = Buffer.alloc(65536);
    let status: number | null | undefined;
    void exited.then((code) => (status = code));
    for (;;) {
      let n = 0;
      try {
        n = readSync(reader, buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      }
      if (n > 0) chunks.push(Buffer.from(buffer.subarray(0, n)));
      else if (status !== undefined) break;
      else await new Promise((r) => setTimeout(r, 5));
    }
    closeSync(reader);
    rmSync(dir, { recursive: true, force: true });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text.length).toBeGreaterThan(65536);
    expect(JSON.parse(text).checklists.length).toBeGreaterThanOrEqual(11);
  });

  it('stops quietly, exit 0, when the reader of stdout goes away (| head)', async () => {
    const child = spawn(NODE, [BIN, ...REPORT], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
