/**
 * `npm test` on a clone without ../shared says in one line which tests it skipped and why
 * (tests/helpers/skip-reporter.ts), instead of passing them silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { hasReferences, WITHOUT_REFERENCES } from '../helpers/references.js';

/** Runs vitest on the built-in content tests, as `npm test` would, with `env` added; its skip lines. */
function skipLines(env: Record<string, string>): { status: number | null; lines: string[] } {
  // Not this run's own vitest variables, which would make the inner run a worker of this one.
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^VITEST|^TEST$/.test(key)));
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/unit/builtin-content.test.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...base, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    timeout: 120_000,
  });
  const text = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  return { status: result.status, lines: text.split('\n').filter((line) => /skipped \d+ tests?:/.test(line)) };
}

describe('the skip line', () => {
  it('names the tests skipped without ../shared/reference and why, in one line', () => {
    const empty = mkdtempSync(join(tmpdir(), 'breachready-no-shared-'));
    const { status, lines } = skipLines({ BREACHREADY_SHARED_DIR: empty });
    rmSync(empty, { recursive: true, force: true });
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^skipped \d+ tests: \S+\/reference not found \(.*\)$/);
    // Every test that needs the reference lists is named, each once with its count.
    for (const name of ['uses framework control ids that exist', 'is written in its own words', 'maps every CIS IG1 safeguard to at least one question']) {
      expect(lines[0]).toContain(name);
    }
  }, 150_000);

  it('is not printed when nothing was skipped', (context) => {
    if (!hasReferences) return context.skip(WITHOUT_REFERENCES);
    expect(skipLines({})).toEqual({ status: 0, lines: [] });
  }, 150_000);
});
