/** The full check of answers: the zod schema, with a located message for every problem (and the full YAML parser for text). */
import type { Problem } from '../problems.js';
import type { PathSegment, PositionedSource } from '../source-position.js';
import { issuesToProblems } from '../validate-data.js';
import { parseYaml } from '../yaml-source.js';
import type { AnswerEntry, ParsedAnswersFile } from './file.js';
import { FORMAT_VERSION } from './format.js';
import { acceptanceSchema, answerEntrySchema, answerSchema, answersFileSchema } from './schema.js';

const checkEntry = (raw: unknown): AnswerEntry | undefined => {
  const checked = answerSchema.safeParse(raw);
  return checked.success ? checked.data : undefined;
};

/** Parses and schema-checks answers text with the full parser; `file` names it in problems. */
export function parseAnswersTextFully(text: string, file: string): ParsedAnswersFile {
  return checkAnswersFully(parseYaml(text, file));
}

/** Schema-checks a parsed answers document with zod, locating every problem in its source. */
export function checkAnswersFully(source: PositionedSource): ParsedAnswersFile {
  const { file } = source;
  const result = (problems: Problem[]) => ({ source, problems, checkEntry });
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
  return { source, data: parsed.data, problems: [], checkEntry };
}

function answersKeysAt(path: readonly PathSegment[]): readonly string[] {
  if (path.length === 0) return Object.keys(answersFileSchema.shape);
  if (path[0] === 'answers' && path.length === 2) return Object.keys(answerEntrySchema.shape);
  if (path[path.length - 1] === 'accepted') return Object.keys(acceptanceSchema.shape);
  return [];
}
