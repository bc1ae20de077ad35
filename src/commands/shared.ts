/** Option handling shared by the commands that load checklists. */
import type { LoadedChecklist } from '../checklist/load.js';
import { selectChecklists } from '../checklist/select.js';
import type { ChecklistSpec } from '../checklist/select.js';
import { ProblemsError } from '../errors.js';

/** Loads `--checklist` specs (resolved against the working directory), or every built-in one. */
export async function loadSelection(specs: readonly string[], fromAnswers: readonly ChecklistSpec[] = []): Promise<LoadedChecklist[]> {
  const cwd = process.cwd();
  const chosen = specs.length ? specs.map((spec) => ({ spec, baseDir: cwd })) : fromAnswers;
  const { checklists, problems } = await selectChecklists(chosen);
  if (problems.length) throw new ProblemsError(problems);
  return checklists;
}
