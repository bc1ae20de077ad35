/** Loads an answers file and its checklists and scores them: the core shared by report and diff. */
import type { Answers } from '../answers/model.js';
import { buildCatalog } from '../catalog.js';
import type { Catalog } from '../catalog.js';
import type { Level } from '../checklist/schema.js';
import { ProblemsError } from '../errors.js';
import type { Assessment } from '../scoring/model.js';
import { score } from '../scoring/score.js';
import { loadSelection } from './shared.js';

export interface AssessOptions {
  answers: string;
  checklist?: string[];
  level?: string;
  asOf: string;
}

export interface Assessed {
  assessment: Assessment;
  answers: Answers;
  catalog: Catalog;
}

/** Reads the answers file, loads the checklists it (or --checklist) names, validates, scores. */
export async function assess(options: AssessOptions): Promise<Assessed> {
  const { readAnswersFile, checklistSpecsOf, resolveAnswers } = await import('../answers/file.js');
  const parsed = await readAnswersFile(options.answers);
  // A file that is not even YAML has nothing more to check.
  if (parsed.problems.length && parsed.source.data === undefined) throw new ProblemsError(parsed.problems);
  const loaded = await loadSelection(options.checklist ?? [], checklistSpecsOf(parsed));
  const catalog = buildCatalog(loaded.map((l) => l.checklist));
  const { answers, problems } = resolveAnswers(parsed, catalog, { narrowed: (options.checklist ?? []).length > 0 });
  if (parsed.problems.length || problems.length) throw new ProblemsError([...parsed.problems, ...problems]);
  const level = (options.level ? Number(options.level) : (answers.level ?? 3)) as Level;
  return { assessment: score(catalog, answers, { level, asOf: options.asOf }), answers, catalog };
}

/**
 * Scores a baseline answers file against the same checklists, level and date as the current one,
 * so the two can be compared; answers to questions that no longer exist are ignored.
 */
export async function assessBaseline(file: string, current: Assessed): Promise<Assessment> {
  const { readAnswersFile, resolveAnswers } = await import('../answers/file.js');
  const parsed = await readAnswersFile(file);
  const { answers, problems } = resolveAnswers(parsed, current.catalog, { ignoreUnknown: true });
  if (parsed.problems.length || problems.length) throw new ProblemsError([...parsed.problems, ...problems]);
  const { level, asOf } = current.assessment;
  return score(current.catalog, { ...answers, file }, { level, asOf });
}
