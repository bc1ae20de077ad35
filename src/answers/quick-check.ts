/**
 * A zod-free check of answers data for the common case: it accepts only data that the schema
 * (schema.ts) accepts unchanged, and says undefined for everything else, which then goes to zod
 * for the verdict and the messages. Loading zod costs more than the rest of `report`; a file
 * that is plainly valid should not pay for it. A unit test holds this to the schema.
 */
import type { AnswerValue } from '../checklist/vocabulary.js';
import { ANSWER_VALUES } from '../checklist/vocabulary.js';
import { isIsoDate } from '../iso-date.js';
import { FORMAT_VERSION } from './format.js';
import type { AnswersFileData } from './schema.js';

const FILE_KEYS = new Set(['breachready', 'organization', 'assessor', 'date', 'level', 'checklists', 'versions', 'answers']);
const ENTRY_KEYS = new Set(['answer', 'note', 'evidence', 'accepted']);
const ACCEPTANCE_KEYS = ['by', 'reason', 'until'];
const VALUES = new Set<unknown>(ANSWER_VALUES);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const optionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const hasOnly = (value: Record<string, unknown>, keys: Set<string>) => Object.keys(value).every((key) => keys.has(key));
/** Text the schema takes as it is: not empty, and nothing for `.trim()` to change. */
const trimmedText = (value: unknown) => typeof value === 'string' && value.length > 0 && value.trim() === value;

/** `data` typed as a valid answers file when it plainly is one; undefined when zod must decide. */
export function quickCheckAnswersFile(data: unknown): AnswersFileData | undefined {
  if (!isRecord(data) || !hasOnly(data, FILE_KEYS) || data.breachready !== FORMAT_VERSION) return undefined;
  const { organization, assessor, date, level, checklists, versions, answers } = data;
  if (!optionalText(organization) || !optionalText(assessor)) return undefined;
  if (date !== undefined && date !== null && !isIsoDate(date)) return undefined;
  if (level !== undefined && level !== 1 && level !== 2 && level !== 3) return undefined;
  if (checklists !== undefined && !(Array.isArray(checklists) && checklists.every((c) => typeof c === 'string' && c.length > 0))) return undefined;
  if (versions !== undefined && !(isRecord(versions) && Object.values(versions).every((v) => typeof v === 'string'))) return undefined;
  if (answers !== undefined && answers !== null && !(isRecord(answers) && Object.values(answers).every(isPlainAnswer))) return undefined;
  return data as AnswersFileData;
}

function isPlainAnswer(entry: unknown): boolean {
  if (entry === null || VALUES.has(entry)) return true;
  if (!isRecord(entry) || !hasOnly(entry, ENTRY_KEYS)) return false;
  const { answer, note, evidence, accepted } = entry;
  if (answer !== undefined && answer !== null && !VALUES.has(answer as AnswerValue)) return false;
  if (!optionalText(note) || !optionalText(evidence)) return false;
  if (accepted === undefined) return true;
  return (
    isRecord(accepted) &&
    Object.keys(accepted).length === ACCEPTANCE_KEYS.length &&
    ACCEPTANCE_KEYS.every((key) => key in accepted) &&
    trimmedText(accepted.by) &&
    trimmedText(accepted.reason) &&
    isIsoDate(accepted.until)
  );
}
