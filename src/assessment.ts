/** Loads an answers file and its checklists and scores them, and compares with a baseline: the core that report and diff share. */
import type { ParsedAnswersFile } from './answers/file.js';
import type { Answers } from './answers/model.js';
import { buildCatalog } from './catalog.js';
import type { Catalog } from './catalog.js';
import type { Checklist, Level } from './checklist/schema.js';
import { selectChecklists } from './checklist/select.js';
import { HIGHEST_LEVEL } from './checklist/vocabulary.js';
import { CliError, ProblemsError } from './errors.js';
import { scopeNote } from './report/comparison.js';
import { compareAssessments } from './scoring/compare.js';
import type { Comparison } from './scoring/compare.js';
import type { Assessment } from './scoring/model.js';
import { commonScope, isNarrowed, leftOut } from './scoring/comparison-scope.js';
import { score } from './scoring/score.js';
import { STATUS_LABEL, ignoredByScopingLine } from './report/common.js';
import { plural } from './plural.js';
import { pseudonym } from './redact.js';
import { loadAnswers, parseAnswersFile } from './answers-load.js';

/** The level of an answers file without `level:` (every question). */

export interface AssessOptions {
  answers: string;
  checklist?: string[];
  level?: Level;
  asOf: string;
  /** --redact: the answers are redacted (redact.ts) before anything is scored or shown. */
  redact?: boolean;
  keepNames?: boolean;
}

export interface Assessed {
  assessment: Assessment;
  answers: Answers;
  /** The answers as the file gives them, before any redaction. */
  asWritten: Answers;
  catalog: Catalog;
  /** What was done with ambiguous or ignored input: one line each, for stderr. */
  notices: string[];
}

/** Reads the answers file, loads the checklists it (or --checklist) names, validates, scores. */
export async function assess(options: AssessOptions): Promise<Assessed> {
  const { answers, asWritten, catalog, notSelected } = await loadAnswers(await parseAnswersFile(options.answers), {
    checklist: options.checklist,
    redact: options.redact ? { pseudonym: pseudonym(0), keepNames: options.keepNames } : undefined,
  });
  const level = options.level ?? answers.level ?? HIGHEST_LEVEL;
  const assessment = score(catalog, answers, { level, asOf: options.asOf });
  return { assessment, answers, asWritten, catalog, notices: assessmentNotices(assessment, notSelected) };
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

export interface BaselineComparison {
  comparison: Comparison;
  /** One line for stderr when the comparison covers less than either assessment on its own. */
  note?: string;
}

/**
 * Compares a baseline answers file with the current assessment on what both cover: the lower of
 * their levels (each capped by --level) and the checklists both name (--checklist stands for
 * both). The current checklists' questions are used; answers to removed ones are ignored.
 */
export async function compareWithBaseline(file: string, current: Assessed, options: { checklist?: string[]; level?: Level }): Promise<BaselineComparison> {
  const { readAnswersFile, resolveAnswers } = await import('./answers/file.js');
  const parsed = await readAnswersFile(file);
  if (parsed.problems.length && parsed.source.data === undefined) throw new ProblemsError(parsed.problems);
  const checklists = options.checklist?.length ? current.catalog.checklists : await baselineChecklists(parsed, current.answers.file);
  const ownCatalog = buildCatalog(checklists);
  const { answers, problems } = resolveAnswers(parsed, ownCatalog, { ignoreUnknown: true });
  if (parsed.problems.length || problems.length) throw new ProblemsError([...parsed.problems, ...problems]);
  const baseline = { ...answers, file };

  const cap = options.level ?? HIGHEST_LEVEL;
  const reach = {
    baseline: { level: Math.min(baseline.level ?? HIGHEST_LEVEL, cap) as Level, checklists },
    current: { level: Math.min(current.answers.level ?? HIGHEST_LEVEL, cap) as Level, checklists: current.catalog.checklists },
  };
  const scope = commonScope(reach.baseline, reach.current);
  // Nothing in common would compare as "no change" and pass a ratchet: refuse instead.
  if (!scope.checklists.length) throw new CliError(`nothing to compare: ${file} and ${current.answers.file ?? 'the answers'} have no checklist in common`);
  const catalog = buildCatalog(scope.checklists);
  const { asOf } = current.assessment;
  const at = { level: scope.level, asOf };
  const comparison = compareAssessments(score(catalog, baseline, at), score(catalog, current.answers, at));
  if (!isNarrowed(scope)) return { comparison };
  const own = [score(ownCatalog, baseline, { level: reach.baseline.level, asOf }), score(current.catalog, current.answers, { level: reach.current.level, asOf })];
  return { comparison, note: scopeNote(scope, leftOut(scope, own)) };
}

/**
 * The checklists a baseline file names. A path not found beside the baseline (a copy taken from
 * git, say) is read beside the current answers file, where the original usually lies.
 */
async function baselineChecklists(parsed: ParsedAnswersFile, currentFile: string | undefined): Promise<Checklist[]> {
  const { answersDir, checklistSpecsOf } = await import('./answers/file.js');
  const specs = checklistSpecsOf(parsed);
  if (!specs.length) return (await selectChecklists([])).checklists.map((l) => l.checklist);
  const found = new Map<string, Checklist>();
  for (const spec of specs) {
    let selection = await selectChecklists([spec]);
    if (selection.problems.length && currentFile !== undefined) {
      const beside = await selectChecklists([{ ...spec, baseDir: answersDir(currentFile) }]);
      if (!beside.problems.length) selection = beside;
    }
    if (selection.problems.length) throw new ProblemsError(selection.problems);
    for (const { checklist } of selection.checklists) if (!found.has(checklist.id)) found.set(checklist.id, checklist);
  }
  return [...found.values()];
}
