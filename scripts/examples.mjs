#!/usr/bin/env node
// Regenerates the example reports from examples/*.yaml with the built CLI, as of a fixed date so
// the output is reproducible. `npm run examples`; a test checks they are up to date.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_AS_OF = '2026-11-22';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
/** The exports for other tools, beside the reports: OSCAL for GRC tools, CSV for spreadsheets and trackers. */
const exports = (base) => ['-o', `${base}.oscal-ar.json`, '-o', `${base}.oscal-poam.json`, '-o', `${base}.plan.csv`, '-o', `${base}.answers.csv`];

for (const name of readdirSync(examples).filter((f) => f.endsWith('.yaml') && !f.startsWith('ci-'))) {
  const base = name.replace(/\.yaml$/, '');
  execFileSync(
    process.execPath,
    [join(root, 'bin/breachready.cjs'), 'report', '--answers', name, '--as-of', EXAMPLES_AS_OF, '-o', `${base}.report.md`, '-o', `${base}.report.json`, '-o', `${base}.report.txt`, ...exports(base)],
    { cwd: examples, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
  );
}
