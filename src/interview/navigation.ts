/**
 * Where the interview goes next. Back and forward both follow checklist order over the questions
 * that apply given the current answers, so every applicable question stays reachable:
 * - Back: the applicable question before this one.
 * - Forward: the applicable question after this one. Up to the furthest question reached in this
 *   sitting, every question is asked again (answers preselected), so walking back and forward again
 *   shows the same questions; past it, a normal sitting passes over questions already answered or
 *   skipped, a review asks them all, and a revisit asks the ones due again besides the unanswered.
 */
import type { Answers } from '../answers/model.js';
import type { CatalogEntry } from '../catalog.js';

export interface Walk {
  review: boolean;
  /** With --revisit: the answered questions due again (stale, expired or unverified). */
  revisit?: ReadonlySet<string>;
  /** Questions skipped ("Skip for now") in this sitting. */
  skipped: ReadonlySet<string>;
  /** The furthest question (in checklist order) asked in this sitting. */
  furthest?: CatalogEntry;
}

/** The question to start a sitting with: the first one, or in a normal sitting the first still open. */
export function firstQuestion(sequence: CatalogEntry[], answers: Answers, walk: Walk): CatalogEntry | undefined {
  return sequence.find((e) => stillToAsk(e, answers, walk));
}

/** The applicable question after `from` to ask next, or undefined when the sitting is over. */
export function nextQuestion(sequence: CatalogEntry[], from: CatalogEntry, answers: Answers, walk: Walk): CatalogEntry | undefined {
  return sequence.find((e) => isBefore(from, e) && ((walk.furthest && !isBefore(walk.furthest, e)) || stillToAsk(e, answers, walk)));
}

/** The applicable question before `from`, or undefined at the first one. */
export function previousQuestion(sequence: CatalogEntry[], from: CatalogEntry): CatalogEntry | undefined {
  return sequence.findLast((e) => isBefore(e, from));
}

/** True when `a` comes before `b` in checklist order. */
export function isBefore(a: CatalogEntry, b: CatalogEntry): boolean {
  return a.checklistIndex < b.checklistIndex || (a.checklistIndex === b.checklistIndex && a.questionIndex < b.questionIndex);
}

function stillToAsk(entry: CatalogEntry, answers: Answers, walk: Walk): boolean {
  if (walk.review) return true;
  if (walk.skipped.has(entry.globalId)) return false;
  return answers.answers.get(entry.globalId)?.value === undefined || (walk.revisit?.has(entry.globalId) ?? false);
}
