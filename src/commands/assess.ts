/** Loads an answers file and its checklists and scores them: the core shared by report and diff. */
import type { Answers } from '../answers/model.js';
import { buildCatalog } from '../catalog.js';
import type { Catalog } from '../catalog.js';
import type { Level } from '../checklist/schema.js';
import { ProblemsError } from '../errors.js';
import type { Assessment } from '../scoring/model.js';
import { score } from '../scoring/score.js';
import { loadSelection } from './shared.js';
import { STATUS_LABEL, ignoredByScopingLine } from '../report/common.js';
import { plural } from '../plural.js';

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
  /** What was done with ambiguous or ignored input: one line each, for stderr. */
  notices: string[];
}

/** Reads the answers file, loads the checklists it (or --checklist) names, validates, scores. */
export async function assess(options: AssessOptions): Promise<Assessed> {
  const { readAnswersFile, checklistSpecsOf, resolveAnswers } = await import('../answers/file.js');
  const parsed = await readAnswersFile(options.answers);
  // A file that is not even YAML has nothing more to check.
  if (parsed.problems.length && parsed.source.data === undefined) throw new ProblemsError(parsed.problems);
  const loaded = await loadSelection(options.checklist ?? [], checklistSpecsOf(parsed));
  const catalog = buildCatalog(loaded.map((l) => l.checklist));
  const { answers, problems, notSelected } = resolveAnswers(parsed, catalog, { narrowed: (options.checklist ?? []).length > 0 });
  if (parsed.problems.length || problems.length) throw new ProblemsError([...parsed.problems, ...problems]);
  const level = (options.level ? Number(options.level) : (answers.level ?? 3)) as Level;
  const assessment = score(catalog, answers, { level, asOf: options.asOf });
  return { assessment, answers, catalog, notices: assessmentNotices(assessment, notSelected) };
}

/** One line each for input the assessment set aside or read conservatively, so no verdict hides it. */
export function assessmentNotices(assessment: Assessment, notSelected: number): string[] {
  const notices: string[] = [];
  if (notSelected > 0) notices.push(`warning: ${plural(notSelected, 'answer')} ignored: their checklists are not selected (--checklist)`);
  const ignored = ignoredByScopingLine(assessment.scope);
  if (ignored) notices.push(`warning: ${ignored}`);
  for (const kept of assessment.scope.keptInScope) {
    notices.push(`note: ${kept.entry.globalId} is answered ${STATUS_LABEL[kept.value]}: kept ${plural(kept.dependents, 'question')} that depend${kept.dependents === 1 ? 's' : ''} on it in scope`);
  }
  const empty = assessment.checklists.filter((c) => c.applicable > 0 && c.answered === 0).map((c) => c.checklist.id);
  if (empty.length) notices.push(`note: no answers yet for ${plural(empty.length, 'checklist')}: ${empty.join(', ')}`);
  return notices;
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
