/**
 * The answers as the scoring and the reports see them: plain data, no YAML. The fields that mirror
 * the file come from the schema (schema.ts), so a new field reaches the model by itself.
 */
import type { AnswerValue } from '../checklist/vocabulary.js';
import type { MaxAge } from './freshness.js';
import { META_FIELDS } from './schema.js';
import type { AnswerEntry, AnswerEntryData, AnswersFileData, AnswersMeta, EvidenceItemData } from './schema.js';

/** A file's fields as the model has them: blank or null is absent. */
type Present<T> = { [K in keyof T]?: NonNullable<T[K]> };

/**
 * One piece of evidence: an item of the list form, or `{ text }` for the shorthand `evidence: text`
 * (which says where the evidence is in words, with no link or file to check).
 */
export type EvidenceItem = EvidenceItemData & {
  text?: string;
  /** Where the item is in the answers file, for integrity findings (set when the file is read). */
  at?: { line: number; col: number };
};

export type Answer = {
  /** undefined = unanswered (null or an entry without `answer`). */
  value?: AnswerValue;
  /** Absent when the file gives none (no field, blank text or an empty list). */
  evidence?: EvidenceItem[];
} & Present<Omit<AnswerEntryData, 'answer' | 'evidence'>> & {
  /** 1-based line of this answer in the answers file, for SARIF and annotations. */
  line?: number;
};

export type Answers = {
  /** Path of the answers file as given, or `-` for stdin; undefined when there is none. */
  file?: string;
} & Present<AnswersMeta> & {
  /** The file's `max-age:` (how old an answer may be before it is stale), when it sets one. */
  maxAge?: MaxAge;
  /** The file's `weight:` in a roll-up's group score, when it sets one. */
  weight?: number;
  /** Set by redaction (redact.ts): names, notes, evidence and reasons removed for sharing. */
  redacted?: boolean;
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
  for (const [key, value] of Object.entries(fields)) result[key] = key === 'evidence' ? evidenceOf(entry.evidence) : presentOf(value);
  result.line = line;
  return result as Answer;
}

/** Trimmed text, blank as absent; other values as they are, null as absent. */
function presentOf(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() || undefined : (value ?? undefined);
}

/** The evidence as a list, whichever form the file uses; none is absent. */
function evidenceOf(evidence: AnswerEntryData['evidence']): EvidenceItem[] | undefined {
  if (typeof evidence === 'string') {
    const text = evidence.trim();
    return text ? [{ text }] : undefined;
  }
  return evidence?.length ? evidence : undefined;
}

/** What an evidence item points at: its link, its file or the shorthand's text. */
export function itemText(item: EvidenceItem): string {
  return item.href ?? item.path ?? item.text ?? '';
}

/** The evidence as one line of text for the reports: the shorthand's text as written, or each item's link or file. */
export function evidenceText(evidence: readonly EvidenceItem[] | undefined): string | undefined {
  const text = evidence?.map((item) => item.text ?? item.href ?? item.path ?? '').join('; ');
  return text?.trim() ? text : undefined;
}

/** The assessment fields of a file (none when the schema rejected it). */
export function metaOf(data: AnswersMeta | undefined): Present<AnswersMeta> {
  return Object.fromEntries(META_FIELDS.map((key) => [key, data?.[key] ?? undefined]));
}
