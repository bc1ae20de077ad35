/**
 * The answers as the scoring and the reports see them: plain data, no YAML. The fields that mirror
 * the file come from the schema (schema.ts), so a new field reaches the model by itself.
 */
import type { AnswerValue } from '../checklist/vocabulary.js';
import { META_FIELDS } from './schema.js';
import type { AnswerEntry, AnswerEntryData, AnswersFileData, AnswersMeta } from './schema.js';

/** A file's fields as the model has them: blank or null is absent. */
type Present<T> = { [K in keyof T]?: NonNullable<T[K]> };

export type Answer = {
  /** undefined = unanswered (null or an entry without `answer`). */
  value?: AnswerValue;
} & Present<Omit<AnswerEntryData, 'answer'>> & {
  /** 1-based line of this answer in the answers file, for SARIF and annotations. */
  line?: number;
};

export type Answers = {
  /** Path of the answers file as given, or `-` for stdin; undefined when there is none. */
  file?: string;
} & Present<AnswersMeta> & {
  /** Checklist id -> version the answers were given against. */
  versions?: AnswersFileData['versions'];
  /** Global question id (`<checklist>/<question>`) -> answer. */
  answers: Map<string, Answer>;
  /** Line of the `answers:` key (where a SARIF result for an unanswered question points). */
  answersLine?: number;
};

/** An entry of `answers:` as the model has it; text is trimmed, and blank text is no text. */
export function answerOf(entry: AnswerEntry, line: number): Answer {
  if (entry === null) return { line };
  if (typeof entry === 'string') return { value: entry, line };
  const { answer, ...fields } = entry;
  const result: Record<string, unknown> = { value: answer ?? undefined };
  for (const [key, value] of Object.entries(fields)) result[key] = typeof value === 'string' ? value.trim() || undefined : (value ?? undefined);
  result.line = line;
  return result as Answer;
}

/** The assessment fields of a file (none when the schema rejected it). */
export function metaOf(data: AnswersMeta | undefined): Present<AnswersMeta> {
  return Object.fromEntries(META_FIELDS.map((key) => [key, data?.[key] ?? undefined]));
}
