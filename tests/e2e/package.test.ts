import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';

// The packed tarball is what `npx breachready` users get: it must hold only what runs, install
// with no dependencies, and work from an empty directory.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let tarball: string;
let files: string[];

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-pack-'));
  // --ignore-scripts: dist/ is already built by `npm test`; rebuilding here would race other tests.
  const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  tarball = join(dir, info!.filename);
  files = info!.files.map((f) => f.path);
}, 60_000);

describe('the npm package', () => {
  it('ships only what runs: no sources, tests, fixtures or checklists sources', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/breachready.cjs', 'dist/cli.cjs', 'dist/builtin-checklists.json', 'dist/vendor/yaml.cjs', 'dist/vendor/zod.cjs', 'dist/vendor/inquirer.cjs', 'package.json', 'README.md', 'LICENSE', 'schema/answers.schema.json']));
    for (const file of files) expect(file).toMatch(/^(bin\/|dist\/|schema\/|package\.json$|README\.md$|LICENSE$)/);
    expect(files.some((f) => f.endsWith('.ts'))).toBe(false);
  });

  it('installs from the tarball with no dependencies and runs from an empty directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-install-'));
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: dir, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    expect(readdirSync(join(dir, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['breachready']);
    const bin = join(dir, 'node_modules', '.bin', 'breachready');
    const version = spawnSync(bin, ['--version'], { cwd: dir, encoding: 'utf8' });
    expect(version.status).toBe(0);
    const list = spawnSync(bin, ['list', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(JSON.parse(list.stdout).checklists.length).toBeGreaterThanOrEqual(11);
    const template = spawnSync(bin, ['template', '--level', '1', '-o', 'a.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(template.status, template.stderr).toBe(0);
    const report = spawnSync(bin, ['report', '--answers', 'a.yaml', '-o', 'r.md', '-o', 'r.sarif'], { cwd: dir, encoding: 'utf8' });
    expect(report.status, report.stderr).toBe(0);
  }, 60_000);

  it('runs with npx straight from the tarball', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-npx-'));
    copyFileSync(tarball, join(dir, basename(tarball)));
    // As a user would type it: `npx ./breachready-X.tgz` (an absolute path would be run as a command).
    const result = spawnSync('npx', ['--yes', `./${basename(tarball)}`, 'list'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\d+ checklists, \d+ questions/);
  }, 60_000);

  it('is clean for publint', async () => {
    const { publint } = await import('publint');
    const { messages } = await publint({ pkgDir: ROOT, pack: false });
    expect(messages).toEqual([]);
  });
});

/** The docs mark each block of commands this test runs, so the docs and the test share one list. */
const MARK = '<!-- run by tests/e2e/package.test.ts -->';

interface DocCommand {
  doc: string;
  /** One shell command line, or a whole script (a block that starts with #!). */
  text: string;
  /** `cmd; echo $?   # 1`: the last line the command prints. */
  prints?: string;
}

/** The commands of the marked blocks of a doc: shell lines, scripts, and the `run`/`script` steps of CI YAML. */
function docCommands(doc: string): DocCommand[] {
  const text = readFileSync(join(ROOT, doc), 'utf8');
  const commands: DocCommand[] = [];
  const block = new RegExp(String.raw`${MARK}\n\`\`\`(\w+)\n([\s\S]*?)\n\`\`\``, 'g');
  for (const [, lang, body] of text.matchAll(block)) {
    if (lang === 'sh' && body!.startsWith('#!')) commands.push({ doc, text: body! });
    else if (lang === 'sh') {
      for (const line of body!.replace(/\\\n\s*/g, '').split('\n')) {
        if (line.trim() === '' || line.trim().startsWith('#')) continue;
        commands.push({ doc, text: line, prints: /;\s*echo \$\?\s+#\s*(\d+)\s*$/.exec(line)?.[1] });
      }
    } else if (lang === 'yaml') {
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            if (key === 'run' && typeof value === 'string') commands.push({ doc, text: value });
            else if (key === 'script' && Array.isArray(value)) for (const line of value) commands.push({ doc, text: String(line) });
            else visit(value);
          }
        }
      };
      visit(parse(body!));
    } else throw new Error(`${doc}: a marked block in ${lang}, which this test cannot run`);
  }
  return commands;
}

describe('the documented commands, from the packed tarball in an empty directory', () => {
  // Offline: the tarball must install with nothing from the registry. No npm_* variables of the
  // npm that runs these tests (its prefix, its package), and no GitHub runner.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|GITHUB_)/i.test(key)));
  Object.assign(env, { npm_config_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1', CI: 'true' });
  const sh = (command: DocCommand, cwd: string) => spawnSync('sh', ['-c', command.text], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  const commands = [...docCommands('README.md'), ...docCommands('docs/ci.md')];
  const answersFiles = (command: DocCommand) => [...command.text.matchAll(/--answers\s+(\S+)/g)].map((m) => m[1]!);
  /** A file a command names that this repository has (examples/...) is the repository's; any other answers file is written by the test. */
  const ownAnswers = [...new Set(commands.flatMap(answersFiles))].filter((file) => !existsSync(join(ROOT, file)));
  const gates = commands.filter((c) => c.prints === undefined && (c.text.startsWith('#!') || (/--fail-on\b/.test(c.text) && answersFiles(c).every((f) => ownAnswers.includes(f)))));
  const writeAnswers = (dir: string, example: string) => {
    for (const file of ownAnswers) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, 'examples', example), join(dir, file));
    }
  };

  it('are the install, --version, list and CI gate commands of the README and docs/ci.md', () => {
    const texts = commands.map((c) => c.text).join('\n');
    expect(texts).toMatch(/^npm install \.\/breachready-[\d.]+\.tgz$/m);
    expect(texts).toMatch(/^npx breachready --version$/m);
    expect(texts).toMatch(/^npx breachready list$/m);
    expect(texts).toMatch(/npx --yes breachready report --answers \S+ --fail-on high/);
    expect(new Set(commands.map((c) => c.doc))).toEqual(new Set(['README.md', 'docs/ci.md']));
    expect(gates.length).toBeGreaterThanOrEqual(4);
  });

  it('all work as written: exit 0 on passing answers, 1 from every gate on failing ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachready-docs-'));
    // The tarball where each install command looks for it: its name in the docs is the packed one.
    for (const [, path] of commands.flatMap((c) => [...c.text.matchAll(/\.\/(\S+\.tgz)/g)])) {
      expect(basename(path!)).toBe(basename(tarball));
      mkdirSync(dirname(join(dir, path!)), { recursive: true });
      copyFileSync(tarball, join(dir, path!));
    }
    for (const file of new Set(commands.flatMap(answersFiles))) {
      if (ownAnswers.includes(file)) continue;
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      copyFileSync(join(ROOT, file), join(dir, file));
    }
    writeAnswers(dir, 'ci-pass.yaml');
    for (const command of commands) {
      const result = sh(command, dir);
      const where = `${command.doc}: ${command.text}\n${result.stderr}`;
      expect(result.status, where).toBe(0);
      if (command.prints !== undefined) expect(result.stdout.trimEnd().split('\n').at(-1), where).toBe(command.prints);
    }
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toHaveProperty('breachready');
    for (const [, output] of commands.flatMap((c) => [...c.text.matchAll(/-o\s+(\S+)/g)])) {
      expect(statSync(join(dir, output!)).size, output).toBeGreaterThan(0);
    }
    writeAnswers(dir, 'ci-fail.yaml');
    for (const command of gates) {
      const result = sh(command, dir);
      expect(result.status, `${command.doc}: ${command.text}\n${result.stderr}`).toBe(1);
    }
  }, 180_000);
});
