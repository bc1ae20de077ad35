#!/usr/bin/env node
// Regenerates the example reports from examples/*.yaml with the built CLI, as of a fixed date so
// the output is reproducible, and the trend (examples/trend/ and the latest sitting) and roll-up
// (examples/group/) examples in each of their formats. `npm run examples`.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
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

/** Runs the CLI in examples/ and writes what it prints to `file` (relative to examples/). */
function writeOutput(file, args) {
  const text = execFileSync(process.execPath, [join(root, 'bin/breachready.cjs'), ...args], {
    cwd: examples,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  writeFileSync(join(examples, file), text);
  process.stderr.write(`wrote ${file}\n`);
}

const SITTINGS = ['trend/northlight-2026-05.yaml', 'trend/northlight-2026-08.yaml', 'northlight-pictures.yaml'];
const EXTENSIONS = { text: 'txt', markdown: 'md', json: 'json' };
for (const [format, ext] of Object.entries(EXTENSIONS)) {
  writeOutput(`trend/northlight.trend.${ext}`, ['trend', ...SITTINGS, '-f', format]);
  writeOutput(`group/group.rollup.${ext}`, ['rollup', 'group', '--as-of', EXAMPLES_AS_OF, '-f', format]);
}
writeOutput('group/group.rollup.redacted.md', ['rollup', 'group', '--as-of', EXAMPLES_AS_OF, '--redact', '-f', 'markdown']);
