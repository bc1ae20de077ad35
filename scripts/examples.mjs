#!/usr/bin/env node
// Regenerates the example reports from examples/*.yaml with the built CLI, as of a fixed date so
// the output is reproducible, and the trend (examples/trend/ and the latest sitting) and roll-up
// (examples/group/) examples in each of their formats. `npm run examples`. The PDF needs a Chromium
// or Chrome ($CHROME_PATH or on PATH) and the README's picture of page one needs pdftoppm
// (poppler-utils); without them those two are left as they are, with a warning.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_AS_OF = '2026-11-22';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
/** The exports for other tools, beside the reports: OSCAL for GRC tools, CSV for spreadsheets and trackers. */
const exports = (base) => ['-o', `${base}.oscal-ar.json`, '-o', `${base}.oscal-poam.json`, '-o', `${base}.plan.csv`, '-o', `${base}.answers.csv`];
const PICTURED = 'northlight-pictures';

const has = (command, args) => spawnSync(command, args).error === undefined;
const browser = process.env.CHROME_PATH || ['chromium', 'chromium-browser', 'google-chrome'].find((name) => has(name, ['--version']));

for (const name of readdirSync(examples).filter((f) => f.endsWith('.yaml') && !f.startsWith('ci-'))) {
  const base = name.replace(/\.yaml$/, '');
  const outputs = ['md', 'json', 'txt', 'html', ...(browser ? ['pdf'] : [])].flatMap((ext) => ['-o', `${base}.report.${ext}`]);
  execFileSync(process.execPath, [join(root, 'bin/breachready.cjs'), 'report', '--answers', name, '--as-of', EXAMPLES_AS_OF, ...outputs, ...exports(base)], {
    cwd: examples,
    stdio: 'inherit',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

if (!browser) console.warn('warning: no Chromium or Chrome found (set CHROME_PATH): the example PDF and the picture of page one were not regenerated');
else if (!has('pdftoppm', ['-v'])) console.warn('warning: pdftoppm (poppler-utils) not found: the picture of page one was not regenerated');
else {
  // Page one of the printed example, for the README.
  execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '90', '-png', '-singlefile', join(examples, `${PICTURED}.report.pdf`), join(root, 'docs/report-page-one')]);
  console.error('wrote docs/report-page-one.png');
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
const EXTENSIONS = { text: 'txt', markdown: 'md', json: 'json', html: 'html' };
for (const [format, ext] of Object.entries(EXTENSIONS)) {
  writeOutput(`trend/northlight.trend.${ext}`, ['trend', ...SITTINGS, '-f', format]);
  writeOutput(`group/group.rollup.${ext}`, ['rollup', 'group', '--as-of', EXAMPLES_AS_OF, '-f', format]);
}
writeOutput('group/group.rollup.redacted.md', ['rollup', 'group', '--as-of', EXAMPLES_AS_OF, '--redact', '-f', 'markdown']);
