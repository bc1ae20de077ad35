/**
 * Build-time entry: loads every file in checklists/ with the real loader and prints the
 * checklists as JSON, or the problems on stderr with exit 2. Run by scripts/build.mjs.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { addAll, formatProblem, sortProblems } from '../problems.js';
import type { Problem } from '../problems.js';
import { checkUniqueChecklistIds } from './select.js';
import { loadChecklistFile } from './load.js';
import type { LoadedChecklist } from './load.js';

const dir = process.argv[2] ?? 'checklists';
const files = readdirSync(dir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join(dir, name));
const problems: Problem[] = [];
const loaded: LoadedChecklist[] = [];
for (const file of files) {
  const result = await loadChecklistFile(file);
  if (result.checklist) loaded.push({ checklist: result.checklist, origin: file, idAt: result.idAt });
  else addAll(problems, result.problems);
}
addAll(problems, checkUniqueChecklistIds(loaded, new Map()));
if (problems.length) {
  for (const problem of sortProblems(problems)) process.stderr.write(`${formatProblem(problem)}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(loaded.map((l) => l.checklist)));
