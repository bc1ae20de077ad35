import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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
