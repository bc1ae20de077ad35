/**
 * The start-up path of the built CLI: it runs the bundle the package ships and nothing else (no
 * code cache another user could have written); a missing build is a one-line error; a reader
 * that stops early is not an error.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, constants, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, NODE, ROOT, run } from '../helpers/cli.js';

const REPORT = ['report', '--answers', 'examples/northlight-pictures.yaml', '--format', 'json', '--as-of', '2026-11-22'];

/** Every file under `dir`, with its size and time of change. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => ({ f, stat: statSync(join(dir, f)) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ f, stat }) => `${f} ${stat.size} ${stat.mtimeMs}`)
    .sort();
}

/**
 * Plants, in `dir`, V8 cached data for a script as long as dist/cli.cjs that prints PWNED (V8 takes
 * a cache made from any source of the same length), under the names a code cache keyed by the
 * build would use. Made by the Node that runs the CLI, so its V8 would accept it.
 */
function plantForgedCache(dir: string): void {
  const forge = `
    const vm = require('node:vm'), fs = require('node:fs'), path = require('node:path');
    const [cli, dir] = process.argv.slice(1);
    const real = fs.readFileSync(cli, 'utf8');
    const evil = "console.log('PWNED'); process.exit(0); //";
    const cache = new vm.Script(evil + ' '.repeat(real.length - evil.length), { filename: cli }).createCachedData();
    const build = /^\\/\\/ breachready build ([0-9a-f]+)/.exec(real)?.[1] ?? '0123456789abcdef';
    for (const kind of ['report', 'list', 'interview']) {
      fs.writeFileSync(path.join(dir, 'cli-' + kind + '-' + process.versions.v8 + '-' + process.arch + '-' + build + '.v8cache'), cache);
    }`;
  mkdirSync(dir, { recursive: true });
  execFileSync(NODE, ['-e', forge, join(ROOT, 'dist', 'cli.cjs'), dir]);
  chmodSync(dir, 0o777); // writable by anyone, as a shared CI cache would be
}

describe('what runs at start-up', () => {
  const expected = run(REPORT);

  it('is the shipped bundle only: a forged code cache is never executed, under CI or not', () => {
    expect(expected.status).toBe(0);
    expect(expected.stdout).not.toContain('PWNED');
    const dir = mkdtempSync(join(tmpdir(), 'breachready-forged-'));
    const places = {
      HOME: join(dir, 'home'),
      XDG_CACHE_HOME: join(dir, 'xdg'),
      BREACHREADY_CACHE_DIR: join(dir, 'chosen'),
      TMPDIR: join(dir, 'tmp'),
    };
    for (const cacheDir of [join(places.HOME, '.cache', 'breachready'), join(places.XDG_CACHE_HOME, 'breachready'), places.BREACHREADY_CACHE_DIR, join(places.TMPDIR, 'node-compile-cache')]) {
      plantForgedCache(cacheDir);
    }
    const planted = filesUnder(dir);
    for (const ci of ['true', undefined]) {
      // No NODE_OPTIONS: a cache made under other flags would be rejected, which would prove nothing.
      const result = run(REPORT, { env: { ...places, CI: ci, NODE_OPTIONS: undefined } });
      expect(result.stdout).not.toContain('PWNED');
      expect(result, `CI=${ci}`).toEqual(expected);
    }
    // And a run leaves no cache behind for a later run to trust.
    expect(filesUnder(dir)).toEqual(planted);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the bundle files as plain CommonJS modules (dist/vendor too)', () => {
    const yaml = join(ROOT, 'dist', 'vendor', 'yaml.cjs');
    const result = spawnSync(NODE, ['-p', `typeof require(${JSON.stringify(yaml)}).parse`], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('function');
  });

  it('the shim patches neither the module loader nor process.stdout', () => {
    const shim = readFileSync(BIN, 'utf8');
    expect(shim).not.toMatch(/_compile|vm\.Script|cachedData|defineProperty/);
  });
});

/** The dist/vendor libraries a run loads (yaml, zod, inquirer), from a preloaded module that watches require(); `chunks` too with `folder`. */
function vendorLoads(args: string[], cwd = ROOT, folder = 'vendor'): { status: number | null; loaded: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-loads-'));
  const hook = join(dir, 'hook.cjs');
  writeFileSync(
    hook,
    `const Module = require('node:module'); const load = Module._load;
Module._load = function (request, ...rest) {
  const m = /${folder}\\/([\\w-]+)\\.cjs$/.exec(request);
  if (m) process.stderr.write('LOADED ' + m[1] + '\\n');
  return load.call(this, request, ...rest);
};`,
  );
  const result = spawnSync(NODE, ['--require', hook, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  rmSync(dir, { recursive: true, force: true });
  return { status: result.status, loaded: [...result.stderr.matchAll(/^LOADED ([\w-]+)$/gm)].map((m) => m[1]!) };
}

describe('what a run loads', () => {
  it('report on a plainly valid answers file, --help and list load none of yaml, zod and Inquirer', () => {
    for (const args of [REPORT, ['report', '--answers', 'examples/ci-pass.yaml', '--format', 'markdown'], ['--help'], ['report', '--help'], ['list']]) {
      expect(vendorLoads(args), args.join(' ')).toEqual({ status: 0, loaded: [] });
    }
  });

  it('a report loads the renderer chunk of each format it writes, and a JSON report none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-chunks-'));
    const report = ['report', '--answers', 'examples/northlight-pictures.yaml', '--as-of', '2026-11-22'];
    expect(vendorLoads([...report, '--format', 'json'], ROOT, 'chunks')).toEqual({ status: 0, loaded: [] });
    const outputs = ['r.sarif', 'r.summary.md', 'r.oscal-ar.json'].flatMap((file) => ['-o', join(dir, file)]);
    expect(vendorLoads([...report, ...outputs], ROOT, 'chunks')).toEqual({ status: 0, loaded: ['sarif', 'summary', 'oscal-ar'] });
    rmSync(dir, { recursive: true, force: true });
  });

  it('a custom checklist in plain YAML loads zod to validate it, but not the yaml parser', () => {
    expect(vendorLoads(['list', '--checklist', 'tests/fixtures/checklists/valid-vendors.yaml'])).toEqual({ status: 0, loaded: ['zod'] });
    const declined = vendorLoads(['validate', 'tests/fixtures/checklists/broken-many.yaml']);
    expect(declined.status).toBe(2);
    expect(declined.loaded).toEqual(expect.arrayContaining(['yaml', 'zod']));
  });

  it('answers with schema problems are explained by the same light schema on either reader, never the full zod', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-bad-answers-'));
    const plain = join(dir, 'plain.yaml');
    const declined = join(dir, 'declined.yaml');
    // The same answers; an anchor is beyond the quick reader, so the second goes to the full parser.
    writeFileSync(plain, 'breachready: 1\ndate: 2026-02-30\nanswers:\n  social-media/has-social-accounts: partly\n');
    writeFileSync(declined, 'breachready: 1\ndate: 2026-02-30\nanswers:\n  social-media/has-social-accounts: &a partly\n');
    for (const [file, loaded] of [[plain, []], [declined, ['yaml']]] as const) {
      const result = spawnSync(NODE, [BIN, 'report', '--answers', file], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(result.stderr).toContain(`${file}:2:7: date: date is not a real calendar date`);
      expect(result.stderr).toContain('unknown answer "partly": use one of yes, partial, no, unknown, na (did you mean "partial"?)');
      expect(vendorLoads(['report', '--answers', file]), file).toEqual({ status: 2, loaded });
    }
    rmSync(dir, { recursive: true, force: true });
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
    const result = spawnSync(NODE, [join(dir, 'bin', 'breachready.cjs'), 'list'], { cwd: dir, encoding: 'utf8', env: process.env });
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
