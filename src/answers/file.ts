/**
 * Reads answers files: YAML, schema, then checks against the loaded checklists. A plainly valid
 * file is read by the quick reader and checker; anything else by the full YAML parser and zod
 * (loaded only then), which also explain every problem.
 */
import { dirname, resolve } from 'node:path';
import { formerGlobalIds } from '../catalog.js';
import type { Catalog } from '../catalog.js';
import type { ChecklistSpec } from '../checklist/select.js';
import type { Problem } from '../problems.js';
import { LineIndex, locate, locateKey } from '../source-position.js';
import type { PathSegment, PositionedSource } from '../source-position.js';
import { closest } from '../suggest.js';
import { quote } from '../text.js';
import { readStdinText, readTextFile } from '../text-file.js';
import { readPlainYaml } from '../yaml-lite.js';
import { readYamlSource } from '../yaml-read.js';
import type { Answer, Answers } from './model.js';
import { quickCheckAnswersFile } from './quick-check.js';
import type { AnswerEntryData, AnswersFileData } from './schema.js';
import type { AnswerValue } from '../checklist/vocabulary.js';
import { STDIN, STDIN_NAME, isStdin } from './stdin.js';
import { builtinChecklists } from '../checklist/builtin.js';

export interface ParsedAnswersFile {
  source: PositionedSource;
  /** The validated file; undefined when the schema found problems. */
  data?: AnswersFileData;
  problems: Problem[];
  /** One entry of `answers:` as the schema reads it, or undefined when the schema rejects it. */
  checkEntry(raw: unknown): AnswerEntry | undefined;
}

/** An entry of `answers:`: a value, a full mapping, or null (unanswered). */
export type AnswerEntry = AnswerValue | AnswerEntryData | null;

export { STDIN } from './stdin.js';

/** Reads and schema-checks an answers file (`-` reads standard input). */
export async function readAnswersFile(file: string): Promise<ParsedAnswersFile> {
  const name = file === STDIN ? STDIN_NAME : file;
  const read = file === STDIN ? readStdinText(name) : readTextFile(file);
  if (read.problem) return unreadFile(name, read.problem);
  return parseAnswersText(read.text!, name);
}

/** Parses and schema-checks answers text; `file` names it in problems. */
export async function parseAnswersText(text: string, file: string): Promise<ParsedAnswersFile> {
  return answersFromSource(await readYamlSource(text, file));
}

/**
 * Schema-checks a parsed answers document: without zod when it is plainly valid, else with zod
 * (loaded only then), which also explains every problem.
 */
export async function answersFromSource(source: PositionedSource): Promise<ParsedAnswersFile> {
  const count = checklistEntries(source);
  if (count > MAX_CHECKLIST_ENTRIES) {
    // Refused before anything checks or looks up its entries, each of which could be a problem.
    const problem = { file: source.file, ...locateKey(source, ['checklists']), message: `${count} entries in "checklists", over the limit of ${MAX_CHECKLIST_ENTRIES}` };
    return { source, problems: [...source.problems, problem], checkEntry: () => undefined };
  }
  const quick = quickAnswers(source);
  if (quick) return quick;
  const { checkAnswersFully } = await import('./parse-fully.js');
  return checkAnswersFully(source);
}

/** Entries allowed in `checklists:`: far more than any real selection names. */
const MAX_CHECKLIST_ENTRIES = 1_000;

/** How many entries `checklists:` has (0 when it is not a list). */
function checklistEntries(source: PositionedSource): number {
  const raw = (source.data as { checklists?: unknown } | null | undefined)?.checklists;
  return Array.isArray(raw) ? raw.length : 0;
}

/** A file that could not be read: an empty document, and why. */
function unreadFile(file: string, problem: Problem): ParsedAnswersFile {
  const source = { file, text: '', data: null, problems: [], lineCounter: new LineIndex(''), offsetOf: () => 0 };
  return { source, problems: [problem], checkEntry: () => undefined };
}

/** The quick path: the file, if the quick reader and checker both take it; else undefined. */
export function quickParseAnswersText(text: string, file: string): ParsedAnswersFile | undefined {
  const source = readPlainYaml(text, file);
  return source && quickAnswers(source);
}

/** The document, if the zod-free checker takes it as it is; else undefined. */
function quickAnswers(source: PositionedSource): ParsedAnswersFile | undefined {
  const data = source.problems.length ? undefined : quickCheckAnswersFile(source.data);
  // Every entry was checked with the file, so each is taken as it is.
  return data ? { source, data, problems: [], checkEntry: (raw) => raw as AnswerEntry } : undefined;
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
  const raw = source.data as { answers?: unknown } | null | undefined;
  const rawAnswers = raw && typeof raw === 'object' && raw.answers && typeof raw.answers === 'object' ? (raw.answers as Record<string, unknown>) : {};
  const loadedIds = new Set(catalog.checklists.map((c) => c.id));
  // "Did you mean" costs an edit distance per known id: offer it for the first few hundred only.
  let suggestionsLeft = 500;
  for (const [id, rawEntry] of Object.entries(rawAnswers)) {
    // With --checklist narrowing the selection, answers to the checklists left out are ignored.
    if (options.narrowed && id.includes('/') && !loadedIds.has(id.slice(0, id.indexOf('/')))) {
      if (rawEntry !== null) notSelected++;
      continue;
    }
    const target = answerTarget(id, catalog, rawAnswers);
    if (target === null) continue;
    if (target === undefined && movedToUnloaded(id, loadedIds)) {
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
    // Each entry is checked on its own, so one bad entry does not hide the others' problems
    // (the file schema has already reported why a rejected entry is wrong).
    const entry = parsed.checkEntry(rawEntry);
    if (entry === undefined) continue;
    const line = locateKey(source, ['answers', id]).line;
    const answer: Answer = entry === null ? { line } : typeof entry === 'string' ? { value: entry, line } : {
      value: entry.answer ?? undefined,
      note: entry.note?.trim() || undefined,
      evidence: entry.evidence?.trim() || undefined,
      accepted: entry.accepted,
      line,
    };
    if (answer.value === 'na' && !answer.note) {
      at(['answers', id], `"na" needs a note that justifies it (answer: na, note: why it does not apply)`);
    }
    if (answer.accepted && (answer.value === 'yes' || answer.value === 'na')) {
      at(['answers', id, 'accepted'], `an accepted risk needs a gap: the answer is "${answer.value}"`);
    }
    answers.set(target, answer);
  }
  const answersLine = data?.answers ? locateKey(source, ['answers']).line : undefined;
  return {
    answers: {
      file: isStdin(source.file) ? STDIN : source.file,
      organization: data?.organization ?? undefined,
      assessor: data?.assessor ?? undefined,
      date: data?.date ?? undefined,
      level: data?.level,
      versions: data?.versions,
      answers,
      answersLine,
    },
    problems,
    notSelected,
  };
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
function movedToUnloaded(id: string, loadedIds: ReadonlySet<string>): boolean {
  return builtinChecklists().some((c) => !loadedIds.has(c.id) && c.questions.some((q) => formerGlobalIds(c.id, q).includes(id)));
}

function unknownIdMessage(id: string, catalog: Catalog, suggest: boolean): string {
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
