/**
 * Reads answers files: YAML, schema, then checks against the loaded checklists. A plainly valid
 * file is read by the quick YAML reader; anything else by the full parser (loaded only then).
 * One schema (schema.ts) checks both and explains every problem.
 */
import { dirname, resolve } from 'node:path';
import { formerGlobalIds } from '../catalog.js';
import type { Catalog } from '../catalog.js';
import type { ChecklistSpec } from '../checklist/select.js';
import type { Problem } from '../problems.js';
import { LineIndex, locate, locateKey } from '../input/source-position.js';
import type { PathSegment, PositionedSource } from '../input/source-position.js';
import { closest } from '../suggest.js';
import { quote } from '../text.js';
import { readStdinText, readTextFile } from '../input/text-file.js';
import { issuesToProblems } from '../input/validate-data.js';
import { readYamlSource } from '../input/yaml-read.js';
import { FORMAT_VERSION } from './format.js';
import { parseMaxAge } from './freshness.js';
import { answerOf, metaOf } from './model.js';
import type { Answer, Answers, EvidenceItem } from './model.js';
import { answerRuleProblems } from './rules.js';
import { acceptanceSchema, answerEntrySchema, answerSchema, answersFileSchema, evidenceItemSchema } from './schema.js';
import type { AnswersFileData } from './schema.js';
import { STDIN, STDIN_NAME, isStdin } from './stdin.js';
import { builtinChecklists } from '../checklist/builtin.js';

export interface ParsedAnswersFile {
  source: PositionedSource;
  /** The validated file; undefined when the schema found problems. */
  data?: AnswersFileData;
  problems: Problem[];
}

export type { AnswerEntry } from './schema.js';
export { STDIN } from './stdin.js';

/** Reads and schema-checks an answers file (`-` reads standard input). */
export async function readAnswersFile(file: string): Promise<ParsedAnswersFile> {
  const name = file === STDIN ? STDIN_NAME : file;
  const read = file === STDIN ? readStdinText(name) : readTextFile(file);
  if (read.problem) return { source: emptySource(name), problems: [read.problem] };
  return parseAnswersText(read.text!, name);
}

/** Parses and schema-checks answers text; `file` names it in problems. */
export async function parseAnswersText(text: string, file: string): Promise<ParsedAnswersFile> {
  return answersFromSource(await readYamlSource(text, file));
}

/** Schema-checks a parsed answers document, locating every problem in its source. */
export function answersFromSource(source: PositionedSource): ParsedAnswersFile {
  const { file } = source;
  const result = (problems: Problem[]) => ({ source, problems });
  const count = checklistEntries(source);
  if (count > MAX_CHECKLIST_ENTRIES) {
    // Refused before anything checks or looks up its entries, each of which could be a problem.
    return result([...source.problems, { file, ...locateKey(source, ['checklists']), message: `${count} entries in "checklists", over the limit of ${MAX_CHECKLIST_ENTRIES}` }]);
  }
  if (source.problems.length) return result(source.problems);
  if (source.data === null || source.data === undefined) {
    return result([{ file, line: 1, col: 1, message: 'the file is empty: expected an answers file (see `breachready template`)' }]);
  }
  // A package.json, a checklist or a compose file: one line, not a problem per field.
  if (typeof source.data !== 'object' || Array.isArray(source.data) || !Object.hasOwn(source.data, 'breachready')) {
    return result([{ file, line: 1, col: 1, message: `not a breachready answers file (no \`breachready: ${FORMAT_VERSION}\`)` }]);
  }
  const parsed = answersFileSchema.safeParse(source.data);
  if (!parsed.success) return result(issuesToProblems(source, parsed.error.issues, answersKeysAt));
  return { source, data: parsed.data, problems: [] };
}

/** The fields a mapping at `path` may have, for "did you mean" on an unknown one. */
function answersKeysAt(path: readonly PathSegment[]): readonly string[] {
  if (path.length === 0) return Object.keys(answersFileSchema.def.shape);
  if (path[0] === 'answers' && path.length === 2) return Object.keys(answerEntrySchema.def.shape);
  if (path[path.length - 1] === 'accepted') return Object.keys(acceptanceSchema.def.shape);
  if (path[path.length - 2] === 'evidence') return Object.keys(evidenceItemSchema.def.shape);
  return [];
}

/** Entries allowed in `checklists:`: far more than any real selection names. */
const MAX_CHECKLIST_ENTRIES = 1_000;

/** How many entries `checklists:` has (0 when it is not a list). */
function checklistEntries(source: PositionedSource): number {
  const raw = (source.data as { checklists?: unknown } | null | undefined)?.checklists;
  return Array.isArray(raw) ? raw.length : 0;
}

/** The `answers:` mapping as written (read even if the schema rejected the file; empty when it is not a mapping). */
function rawAnswersOf(source: PositionedSource): Record<string, unknown> {
  const answers = (source.data as { answers?: unknown } | null | undefined)?.answers;
  return answers && typeof answers === 'object' ? (answers as Record<string, unknown>) : {};
}

/** The source of a file that could not be read: an empty document. */
function emptySource(file: string): PositionedSource {
  return { file, text: '', data: null, problems: [], lineCounter: new LineIndex(''), offsetOf: () => 0 };
}

/** The directory an answers file's `checklists:` paths are relative to (the working directory for stdin). */
export function answersDir(file: string): string {
  return isStdin(file) ? process.cwd() : dirname(resolve(file));
}

/** The `checklists:` entries of an answers file (read even if other fields are invalid), resolved against its directory. */
export function checklistSpecsOf(parsed: ParsedAnswersFile): ChecklistSpec[] {
  const baseDir = answersDir(parsed.source.file);
  const raw = (parsed.source.data as { checklists?: unknown } | null | undefined)?.checklists;
  if (checklistEntries(parsed.source) > MAX_CHECKLIST_ENTRIES) return [];
  const specs = Array.isArray(raw) && raw.every((s) => typeof s === 'string' && s.length > 0) ? (raw as string[]) : [];
  return specs.map((spec, index) => ({
    spec,
    baseDir,
    at: { file: parsed.source.file, ...locate(parsed.source, ['checklists', index]) },
  }));
}

/**
 * Checks the answers against the checklists and builds the scoring model. Question ids are
 * checked even when the schema failed, so one run reports every problem.
 */
export function resolveAnswers(
  parsed: ParsedAnswersFile,
  catalog: Catalog,
  options: { narrowed?: boolean; ignoreUnknown?: boolean } = {},
): { answers: Answers; problems: Problem[]; notSelected: number } {
  const { source, data } = parsed;
  let notSelected = 0;
  const problems: Problem[] = [];
  const answers = new Map<string, Answer>();
  const at = (path: PathSegment[], message: string) => problems.push({ file: source.file, ...locate(source, path), message });
  const loadedIds = new Set(catalog.checklists.map((c) => c.id));
  // "Did you mean" costs an edit distance per known id: offer it for the first few hundred only.
  let suggestionsLeft = 500;
  const rawAnswers = rawAnswersOf(source);
  // Former ids of built-in questions in checklists not loaded: gathered once, at the first unknown id.
  let movedAway: ReadonlySet<string> | undefined;
  for (const [id, rawEntry] of Object.entries(rawAnswers)) {
    // With --checklist narrowing the selection, answers to the checklists left out are ignored.
    if (options.narrowed && id.includes('/') && !loadedIds.has(id.slice(0, id.indexOf('/')))) {
      if (rawEntry !== null) notSelected++;
      continue;
    }
    const target = answerTarget(id, catalog, rawAnswers);
    if (target === null) continue;
    if (target === undefined && (movedAway ??= movedToUnloaded(loadedIds)).has(id)) {
      // Answered before its question moved to a built-in checklist this assessment does not select.
      if (rawEntry !== null) notSelected++;
      continue;
    }
    if (target === undefined) {
      // A baseline may answer questions a checklist update has since removed: not an error there.
      if (options.ignoreUnknown) continue;
      problems.push({ file: source.file, ...locateKey(source, ['answers', id]), message: unknownIdMessage(id, catalog, suggestionsLeft-- > 0) });
      continue;
    }
    // A file the schema took is already parsed, entries included. In a rejected file each entry is
    // checked on its own, so one bad entry does not hide the others' problems (the file schema has
    // already reported why a rejected entry is wrong).
    const entry = data?.answers ? { success: true as const, data: data.answers[id]! } : answerSchema.safeParse(rawEntry);
    if (!entry.success) continue;
    const answer = answerOf(entry.data, locateKey(source, ['answers', id]).line);
    if (answer.evidence) answer.evidence = locatedEvidence(answer.evidence, source, ['answers', id, 'evidence'], typeof entry.data === 'object' && typeof entry.data?.evidence === 'string');
    for (const rule of answerRuleProblems(answer)) at(['answers', id, ...rule.path], rule.message);
    answers.set(target, answer);
  }
  const answersLine = data?.answers ? locateKey(source, ['answers']).line : undefined;
  return {
    answers: {
      file: isStdin(source.file) ? STDIN : source.file,
      ...metaOf(data),
      maxAge: data?.['max-age'] === undefined ? undefined : parseMaxAge(data['max-age']),
      weight: data?.weight,
      versions: data?.versions,
      answers,
      answersLine,
    },
    problems,
    notSelected,
  };
}

/** Evidence items with their place in the file (the shorthand text is the `evidence:` value itself). */
function locatedEvidence(items: EvidenceItem[], source: PositionedSource, path: PathSegment[], shorthand: boolean): EvidenceItem[] {
  return items.map((item, index) => ({ ...item, at: locate(source, shorthand ? path : [...path, index]) }));
}

/**
 * The question an answers-file key answers: itself, or the question that now carries it as a
 * former id (renamed, merged or moved). null: a former id whose current question is answered too,
 * which wins. undefined: no loaded question.
 */
function answerTarget(id: string, catalog: Catalog, rawAnswers: Record<string, unknown>): string | null | undefined {
  if (catalog.byId.has(id)) return id;
  const current = catalog.formerIds.get(id)?.globalId;
  if (current === undefined) return undefined;
  return Object.hasOwn(rawAnswers, current) ? null : current;
}

/** Whether a built-in question now carries this id as a former one, in a checklist that is not loaded. */
function movedToUnloaded(loadedIds: ReadonlySet<string>): ReadonlySet<string> {
  return new Set(builtinChecklists().flatMap((c) => (loadedIds.has(c.id) ? [] : c.questions.flatMap((q) => formerGlobalIds(c.id, q)))));
}

export function unknownIdMessage(id: string, catalog: Catalog, suggest: boolean): string {
  const [checklistId, questionId] = id.includes('/') ? id.split('/', 2) : [undefined, id];
  let suggestion = suggest ? closest(id, catalog.byId.keys()) : undefined;
  if (suggest && !suggestion && questionId) {
    // A right question under a wrong or missing checklist id: suggest by the question part.
    const byQuestion = catalog.entries.filter((e) => e.question.id === questionId);
    if (byQuestion.length === 1) suggestion = byQuestion[0]!.globalId;
  }
  const known = checklistId !== undefined && catalog.checklists.some((c) => c.id === checklistId);
  const base = !id.includes('/')
    ? `unknown question id ${quote(id)}: ids are <checklist>/<question>`
    : known
      ? `unknown question ${quote(questionId ?? '')} in checklist ${quote(checklistId ?? '')}`
      : `unknown question id ${quote(id)}: no loaded checklist ${quote(checklistId ?? '')}`;
  return suggestion ? `${base} (did you mean "${suggestion}"?)` : base;
}
