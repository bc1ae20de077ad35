import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const required = ['cli.cjs', 'builtin-checklists.json', 'vendor/zod.cjs', 'vendor/yaml.cjs', 'vendor/inquirer.cjs'].map((f) => join(dist, f));

describe('the build', () => {
  it('replaces dist/ without a moment when a file a running breachready needs is missing, and drops stray files', async () => {
    const stray = join(dist, 'vendor', 'left-over.cjs');
    writeFileSync(stray, '');
    const missing = new Set<string>();
    let checks = 0;
    const poll = setInterval(() => {
      checks++;
      for (const file of required) if (!existsSync(file)) missing.add(file);
    }, 1);
    try {
      await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root });
    } finally {
      clearInterval(poll);
    }
    expect(checks).toBeGreaterThan(10);
    expect([...missing]).toEqual([]);
    expect(existsSync(stray)).toBe(false);
    // And what it left runs.
    const version = await promisify(execFile)(process.execPath, [join(root, 'bin', 'breachready.cjs'), '--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  }, 120_000);
});
