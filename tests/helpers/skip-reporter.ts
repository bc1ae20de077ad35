/**
 * A vitest reporter that ends the run with ONE line naming the tests skipped on purpose and why:
 * those that called `context.skip(note)` (a missing ../shared/reference, no tmpfs), grouped by
 * note. Tests left out by a filter (`-t`, `.only`) have no note and are not listed.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** The skip line for these results, or undefined when nothing was skipped on purpose. */
export function skipLine(modules: ReadonlyArray<TestModule>): string | undefined {
  const byNote = new Map<string, Map<string, number>>();
  for (const module of modules) {
    for (const test of module.children.allTests('skipped')) {
      const result = test.result();
      const note = result.state === 'skipped' ? result.note : undefined;
      if (!note) continue;
      const names = byNote.get(note) ?? new Map<string, number>();
      names.set(test.name, (names.get(test.name) ?? 0) + 1);
      byNote.set(note, names);
    }
  }
  if (byNote.size === 0) return undefined;
  const total = [...byNote.values()].reduce((sum, names) => sum + [...names.values()].reduce((a, b) => a + b, 0), 0);
  const reasons = [...byNote].map(([note, names]) => `${note} (${[...names].map(([name, n]) => (n > 1 ? `${name} x${n}` : name)).join('; ')})`);
  return `skipped ${total} test${total === 1 ? '' : 's'}: ${reasons.join('; and ')}`;
}

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const line = skipLine(modules);
    if (line) process.stdout.write(`${line}\n`);
  }
}
