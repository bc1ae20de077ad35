/** `breachready validate <path...>`: checks checklists (and answers files); reports every problem. */
import { HIGHEST_LEVEL } from '../checklist/vocabulary.js';
import { statSync } from 'node:fs';
import { checklistFromSource } from '../checklist/load.js';
import type { LoadedChecklist } from '../checklist/load.js';
import { builtinChecklists } from '../checklist/builtin.js';
import { checkUniqueChecklistIds, displayPath, selectChecklists, yamlFilesIn } from '../checklist/select.js';
import { buildCatalog } from '../catalog.js';
import { ProblemsError } from '../errors.js';
import { addAll } from '../problems.js';
import { plural } from '../plural.js';
import { formatProblem } from '../problems.js';
import type { Problem } from '../problems.js';
import type { PositionedSource } from '../input/source-position.js';
import { readTextFile } from '../input/text-file.js';
import { readYamlSource } from '../input/yaml-read.js';
import { write } from '../std-streams.js';
import { stderrLine } from '../text.js';
import { summarizeScope } from '../scoring/scope.js';
import { ignoredByScopingLine } from '../report/common.js';
import type { ValidateOptions } from './validate-options.js';

export async function runValidate(paths: string[], options: ValidateOptions): Promise<void> {
  const problems: Problem[] = [];
  const loaded: LoadedChecklist[] = [];
  const lines: string[] = [];
  for (const file of expand(paths, problems)) {
    const read = readTextFile(file);
    if (read.problem) {
      problems.push(read.problem);
      continue;
    }
    const source = await readYamlSource(read.text!, file);
    if (isAnswersDocument(source.data)) {
      const checked = await validateAnswers(source, options.checklist ?? []);
      if (checked.problems.length) addAll(problems, checked.problems);
      else lines.push(`ok  ${file}: answers file, ${plural(checked.count, 'answer')}`);
      for (const warning of checked.warnings) write('stderr', `${stderrLine(`${file}: ${warning}`)}\n`);
      for (const finding of checked.integrity) write('stderr', `${stderrLine(formatProblem({ ...finding, message: `warning: ${finding.message}` }))}\n`);
      continue;
    }
    if (!isChecklistDocument(source.data)) {
      problems.push({ file, line: 1, col: 1, message: 'neither a breachready checklist (no `id` and `questions`) nor an answers file (no `breachready: 1`)' });
      continue;
    }
    const result = checklistFromSource(source);
    if (result.checklist) {
      loaded.push({ checklist: result.checklist, origin: file, idAt: result.idAt });
      lines.push(`ok  ${file}: checklist "${result.checklist.id}", ${plural(result.checklist.questions.length, 'question')}`);
    } else addAll(problems, result.problems);
  }
  addAll(problems, checkUniqueChecklistIds(loaded, new Map(builtinChecklists().map((c) => [c.id, c]))));
  if (problems.length) throw new ProblemsError(problems);
  write('stdout', `${lines.join('\n')}\n`);
}

/** Files named, and the YAML files of directories named, in order. */
function expand(paths: string[], problems: Problem[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // readTextFile reports the missing file with its path.
    }
    if (!isDirectory) {
      files.push(displayPath(path));
      continue;
    }
    const yamlFiles = yamlFilesIn(path);
    if (yamlFiles.length === 0) problems.push({ file: path, line: 1, col: 1, message: 'no .yaml or .yml files in this directory' });
    files.push(...yamlFiles.map(displayPath));
  }
  return files;
}

/** An answers file says `breachready: 1` (or at least has `answers:`); anything else is a checklist. */
function isAnswersDocument(data: unknown): boolean {
  return typeof data === 'object' && data !== null && ('breachready' in data || 'answers' in data);
}

/** A checklist has at least an `id` or `questions` (an empty file is reported as empty by the checklist schema). */
function isChecklistDocument(data: unknown): boolean {
  return typeof data !== 'object' || data === null || Array.isArray(data) || 'id' in data || 'questions' in data;
}

/** All problems of an answers file: its schema, its checklists, and its answers against them. */
async function validateAnswers(source: PositionedSource, specs: string[]): Promise<{ problems: Problem[]; count: number; warnings: string[]; integrity: Problem[] }> {
  const { answersFromSource, checklistSpecsOf, resolveAnswers } = await import('../answers/file.js');
  const parsed = await answersFromSource(source);
  const cwd = process.cwd();
  const { checklists, problems } = await selectChecklists(specs.length ? specs.map((spec) => ({ spec, baseDir: cwd })) : checklistSpecsOf(parsed));
  if (problems.length) return { problems: [...parsed.problems, ...problems], count: 0, warnings: [], integrity: [] };
  const catalog = buildCatalog(checklists.map((l) => l.checklist));
  const resolved = resolveAnswers(parsed, catalog, { narrowed: specs.length > 0 });
  const warnings: string[] = [];
  if (resolved.notSelected > 0) warnings.push(`warning: ${plural(resolved.notSelected, 'answer')} not checked: their checklists are not selected (--checklist)`);
  const ignored = ignoredByScopingLine(summarizeScope(catalog, resolved.answers, resolved.answers.level ?? HIGHEST_LEVEL));
  if (ignored) warnings.push(`warning: ${ignored}`);
  const found = [...parsed.problems, ...resolved.problems];
  // The form is valid; a missing or changed evidence file is the report's verdict (exit 1), here a warning.
  const { answersEvidenceIntegrity } = await import('../evidence/review-answers.js');
  const integrity = found.length ? [] : answersEvidenceIntegrity(resolved.answers);
  return { problems: found, count: resolved.answers.answers.size, warnings, integrity };
}
