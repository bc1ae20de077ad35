/** Reads checklist files: YAML parse, schema validation and rules, every problem located. */
import type { Problem } from '../problems.js';
import { issuesToProblems } from '../input/validate-data.js';
import { locate } from '../input/source-position.js';
import type { PathSegment, PositionedSource } from '../input/source-position.js';
import { readTextFile } from '../input/text-file.js';
import { readYamlSource } from '../input/yaml-read.js';
import { checkChecklistRules } from './rules.js';
import { checklistSchema, questionSchema, sourceSchema, whenSchema } from './schema.js';
import { FRAMEWORKS } from './vocabulary.js';
import type { Checklist } from './schema.js';

export interface LoadedChecklist {
  checklist: Checklist;
  /** Where it came from: a file path, or `builtin:<id>`. */
  origin: string;
  /** Position of its `id` field in the file, for problems about the id. */
  idAt?: { line: number; col: number };
}

export type ChecklistResult =
  | { checklist: Checklist; problems: []; idAt: { line: number; col: number } }
  | { checklist?: undefined; problems: Problem[]; idAt?: undefined };

/** Questions allowed in one checklist file: BREACHREADY_MAX_QUESTIONS overrides the default. */
const DEFAULT_MAX_QUESTIONS = 200_000;
function maxQuestions(): number {
  const value = Number(process.env.BREACHREADY_MAX_QUESTIONS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_QUESTIONS;
}

/** Validates an already parsed YAML source as a checklist. */
export function checklistFromSource(source: PositionedSource): ChecklistResult {
  if (source.problems.length) return { problems: source.problems };
  if (source.data === null || source.data === undefined) {
    return { problems: [{ file: source.file, line: 1, col: 1, message: 'the file is empty: expected a checklist' }] };
  }
  const count = (source.data as { questions?: unknown }).questions;
  const limit = maxQuestions();
  if (Array.isArray(count) && count.length > limit) {
    return {
      problems: [
        { file: source.file, ...locate(source, ['questions']), message: `${count.length} questions, over the limit of ${limit} per file (set BREACHREADY_MAX_QUESTIONS to raise it)` },
      ],
    };
  }
  const parsed = checklistSchema.safeParse(source.data);
  const problems = [
    ...(parsed.success ? [] : issuesToProblems(source, parsed.error.issues, checklistKeysAt)),
    ...checkChecklistRules(source),
  ];
  if (problems.length || !parsed.success) return { problems };
  return { checklist: parsed.data, problems: [], idAt: locate(source, ['id']) };
}

/** Parses and validates checklist text; `file` names it in problems. */
export async function parseChecklist(text: string, file: string): Promise<ChecklistResult> {
  return checklistFromSource(await readYamlSource(text, file));
}

/** Reads, parses and validates one checklist file. */
export async function loadChecklistFile(file: string): Promise<ChecklistResult> {
  const read = readTextFile(file);
  if (read.problem) return { problems: [read.problem] };
  return parseChecklist(read.text!, file);
}

/** Field names allowed at a path of a checklist, for "did you mean" on unknown fields. */
function checklistKeysAt(path: readonly PathSegment[]): readonly string[] {
  const named = path.filter((p) => typeof p === 'string');
  const last = named[named.length - 1];
  if (last === undefined) return Object.keys(checklistSchema.shape);
  if (last === 'questions') return Object.keys(questionSchema.shape);
  if (last === 'sources') return Object.keys(sourceSchema.shape);
  if (last === 'when') return Object.keys(whenSchema.shape);
  if (last === 'refs') return FRAMEWORKS;
  return [];
}
