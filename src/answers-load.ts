/**
 * One answers source (a file, or a file's text from git) read into the model with the checklists
 * it names: what report, trend and roll-up share. Problems are thrown, each at its file:line:col.
 */
import type { ParsedAnswersFile } from './answers/file.js';
import type { Answers } from './answers/model.js';
import { buildCatalog } from './catalog.js';
import type { Catalog } from './catalog.js';
import { loadSelection } from './checklist/select.js';
import { ProblemsError } from './errors.js';
import { redactAnswers } from './redact.js';
import type { RedactOptions } from './redact.js';

export interface LoadOptions {
  /** --checklist: these checklists instead of the ones the file names. */
  checklist?: string[];
  /** Answers to questions no loaded checklist has are left out, not errors (an older sitting). */
  ignoreUnknown?: boolean;
  /** Redacts the answers before anyone sees them. */
  redact?: RedactOptions;
}

export interface LoadedAnswers {
  /** The answers as reports see them (redacted with `redact`). */
  answers: Answers;
  /** The answers as the file gives them: what evidence checks read, redacted or not. */
  asWritten: Answers;
  catalog: Catalog;
  /** Answers left out because --checklist did not select their checklist. */
  notSelected: number;
}

/** Reads and schema-checks an answers file (`-` reads standard input). */
export async function parseAnswersFile(file: string): Promise<ParsedAnswersFile> {
  const { readAnswersFile } = await import('./answers/file.js');
  return readAnswersFile(file);
}

/** Loads the checklists a parsed file (or --checklist) names, checks the answers against them, and builds the model. */
export async function loadAnswers(parsed: ParsedAnswersFile, options: LoadOptions = {}): Promise<LoadedAnswers> {
  const { checklistSpecsOf, resolveAnswers } = await import('./answers/file.js');
  // A file that is not even YAML has nothing more to check.
  if (parsed.problems.length && parsed.source.data === undefined) throw new ProblemsError(parsed.problems);
  const loaded = await loadSelection(options.checklist ?? [], checklistSpecsOf(parsed));
  const catalog = buildCatalog(loaded.map((l) => l.checklist));
  const resolved = resolveAnswers(parsed, catalog, { narrowed: (options.checklist ?? []).length > 0, ignoreUnknown: options.ignoreUnknown });
  if (parsed.problems.length || resolved.problems.length) throw new ProblemsError([...parsed.problems, ...resolved.problems]);
  const answers = options.redact ? redactAnswers(resolved.answers, options.redact) : resolved.answers;
  return { answers, asWritten: resolved.answers, catalog, notSelected: resolved.notSelected };
}

/** Loads each item in turn, gathering every file's problems into one error, so one run shows them all. */
export async function loadEach<T, R>(items: readonly T[], load: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  const problems: ProblemsError['problems'] = [];
  for (const [index, item] of items.entries()) {
    try {
      results.push(await load(item, index));
    } catch (error) {
      if (!(error instanceof ProblemsError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new ProblemsError(problems);
  return results;
}
