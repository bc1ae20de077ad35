/**
 * `breachready evidence add|list`: records evidence for an answer without the interview (for
 * scripts and consultants), under the lock the interview takes, and lists what is recorded.
 */
import { existsSync } from 'node:fs';
import { AnswersDocument } from '../answers/document.js';
import { evidenceFromInput } from '../answers/evidence-input.js';
import { evidenceRows, renderEvidenceTable } from '../answers/evidence-rows.js';
import { shortHash } from '../evidence/review.js';
import { readAnswersFile, unknownIdMessage } from '../answers/file.js';
import { loadAnswers } from '../answers-load.js';
import type { ParsedAnswersFile } from '../answers/file.js';
import { acquireLock } from '../answers/lock.js';
import type { Answers, EvidenceItem } from '../answers/model.js';
import { isStdin } from '../answers/stdin.js';
import { AnswersStore } from '../answers/store.js';
import type { Catalog } from '../catalog.js';
import { asOfDate } from '../clock.js';
import { CliError } from '../errors.js';
import { isIsoDate } from '../iso-date.js';
import { write } from '../std-streams.js';
import { safeJson, stderrLine } from '../text.js';
import type { EvidenceAddOptions, EvidenceListOptions } from './evidence-options.js';

export async function runEvidenceAdd(question: string, input: string, options: EvidenceAddOptions): Promise<void> {
  const file = options.answers!; // declared with a default
  if (isStdin(file)) throw new CliError('evidence is recorded in a file: give --answers a file name, not -');
  const asOf = asOfDate(options.asOf);
  if (options.expires !== undefined && !isIsoDate(options.expires)) throw new CliError(`--expires must be a date, YYYY-MM-DD (got "${options.expires}")`);
  if (!existsSync(file)) throw new CliError(`${file} does not exist: record evidence in an answers file the interview or template wrote`);
  // The interview's lock: an answer and its evidence are never written by two processes at once.
  const lock = acquireLock(file);
  try {
    const { parsed, catalog } = await readAndLoad(file, options.checklist ?? []);
    const key = answerKey(question, catalog, parsed);
    const item = await evidenceFromInput(input, { answersFile: file, asOf, expires: options.expires });
    const text = parsed.source.text;
    // Nothing new (the same link, or the same file unchanged): the file is left as it is.
    if (AnswersDocument.fromText(text).addEvidence(key, item) === 'unchanged') {
      write('stderr', `${stderrLine(`${describe(item)} is already recorded for ${key} in ${file}`)}\n`);
      return;
    }
    let outcome = '';
    await new AnswersStore(file, { text }).update((doc) => (outcome = doc.addEvidence(key, item)));
    write('stderr', `${stderrLine(`${outcome} ${describe(item)} for ${key} in ${file}`)}\n`);
  } finally {
    lock.release();
  }
}

export async function runEvidenceList(options: EvidenceListOptions): Promise<void> {
  const asOf = asOfDate(options.asOf);
  const { answers, catalog } = await readAndLoad(options.answers!, options.checklist ?? []);
  const rows = evidenceRows(catalog, answers, asOf);
  if (options.format === 'json') {
    write('stdout', safeJson({ asOf, evidence: rows }));
    return;
  }
  if (!rows.length) {
    write('stderr', `${stderrLine(`no evidence recorded in ${options.answers!}`)}\n`);
    return;
  }
  write('stdout', renderEvidenceTable(rows));
}

/** The answers file read and checked against its checklists (or --checklist): any problem ends the run. */
async function readAndLoad(file: string, checklist: string[]): Promise<{ parsed: ParsedAnswersFile; answers: Answers; catalog: Catalog }> {
  const parsed = await readAnswersFile(file);
  const { answers, catalog } = await loadAnswers(parsed, { checklist });
  return { parsed, answers, catalog };
}

/**
 * The key in `answers:` to record under: the question's own id, or the former id the file still
 * answers it under (a second entry under the new id would hide that answer).
 */
function answerKey(question: string, catalog: Catalog, parsed: ParsedAnswersFile): string {
  const entry = catalog.byId.get(question) ?? catalog.formerIds.get(question);
  if (!entry) throw new CliError(unknownIdMessage(question, catalog, true));
  const keys = Object.keys((parsed.data?.answers ?? {}) as object);
  if (keys.includes(entry.globalId)) return entry.globalId;
  return keys.find((key) => catalog.formerIds.get(key) === entry) ?? entry.globalId;
}

function describe(item: EvidenceItem): string {
  if (item.href !== undefined) return `link ${item.href}${item.expires ? ` (expires ${item.expires})` : ''}`;
  return `file ${item.path} (sha256 ${shortHash(item.sha256 ?? '')}…, collected ${item.collected}${item.expires ? `, expires ${item.expires}` : ''})`;
}
