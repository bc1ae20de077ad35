/**
 * How one more piece of evidence joins an answer's list: pure rules, shared by the answers file
 * editor (document.ts) and the interview's model of the answers, so both agree item for item.
 *
 * - The same link or the same file is never listed twice: adding it again refreshes it (a file's
 *   hash and collected date; `expires` when one is given, else the old one stays).
 * - The shorthand `evidence: text` becomes the list form. A shorthand that is a web address becomes
 *   an `href` item; any other text (a ticket, "binder on shelf 3") cannot be an item, which needs a
 *   link or a file, so it moves to the note as `Evidence: text`, where every report still shows it.
 */
import { posix } from 'node:path';
import type { EvidenceItem } from './model.js';
import { isWebAddress } from './schema.js';

export type EvidenceOutcome = 'added' | 'refreshed' | 'unchanged';

export interface WithEvidence {
  note?: string;
  evidence: EvidenceItem[];
  outcome: EvidenceOutcome;
  /** Where the item now is in `evidence`. */
  index: number;
  /** The shorthand text was turned into the list form (and maybe the note). */
  converted: boolean;
}

/** The answer's note and evidence list with `item` added (or refreshed). */
export function withEvidence(answer: { note?: string; evidence?: readonly EvidenceItem[] }, item: EvidenceItem): WithEvidence {
  let note = answer.note;
  const listed: EvidenceItem[] = [];
  let converted = false;
  for (const old of answer.evidence ?? []) {
    if (old.text === undefined) {
      listed.push(old);
      continue;
    }
    converted = true;
    const text = old.text.trim();
    if (isWebAddress(text)) listed.push({ href: text });
    else note = note ? `${note}\nEvidence: ${text}` : `Evidence: ${text}`;
  }
  const index = listed.findIndex((old) => sameEvidence(old, item));
  if (index < 0) return { note, evidence: [...listed, item], outcome: 'added', index: listed.length, converted };
  const refreshed: EvidenceItem = { ...listed[index], ...item, expires: item.expires ?? listed[index]!.expires };
  if (refreshed.expires === undefined) delete refreshed.expires;
  const outcome = sameFields(listed[index]!, refreshed) ? 'unchanged' : 'refreshed';
  listed[index] = refreshed;
  return { note, evidence: listed, outcome, index, converted };
}

/** The same link, or the same file however its path is spelt (`./a.pdf`, `a.pdf`, `dir\a.pdf`). */
function sameEvidence(a: EvidenceItem, b: EvidenceItem): boolean {
  if (a.href !== undefined || b.href !== undefined) return a.href === b.href;
  return a.path !== undefined && b.path !== undefined && normalPath(a.path) === normalPath(b.path);
}

function normalPath(path: string): string {
  return posix.normalize(path.trim().replaceAll('\\', '/'));
}

function sameFields(a: EvidenceItem, b: EvidenceItem): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof EvidenceItem>;
  return [...keys].every((key) => a[key] === b[key]);
}
