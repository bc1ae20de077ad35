/**
 * Which questions apply: the level, and each question's `when` condition on another question of
 * its checklist (usually a scoping question such as "do you run brand social accounts?").
 * Pure: no I/O. The rule is conservative: only a definite answer switches questions off.
 */
import type { Answers } from '../answers/model.js';
import type { Catalog, CatalogEntry } from '../catalog.js';
import type { AnswerValue, Level } from '../checklist/vocabulary.js';

/**
 * Answers that decide a `when` condition. Anything else (unanswered, don't know, partly, not
 * applicable) proves nothing about whether the organisation has the thing, so the dependent
 * questions stay in scope and are asked.
 */
export const DECISIVE_ANSWERS: readonly AnswerValue[] = ['yes', 'no'];

/** How a question's `when` condition came out. */
export type Applicability =
  /** No condition, or a decisive answer satisfies it. */
  | 'applies'
  /** The condition's question was answered in a way that keeps this one in scope without deciding it. */
  | 'kept'
  /** A decisive answer switches this question off. */
  | 'off';

/** What scoping did to one assessment: for the report and one line on stderr. */
export interface ScopeSummary {
  /** Scoping questions answered indefinitely (e.g. unknown) that kept their dependents in scope. */
  keptInScope: { entry: CatalogEntry; value: AnswerValue; dependents: number }[];
  /** Questions switched off by a decisive scoping answer that still have an answer in the file. */
  ignored: { entry: CatalogEntry; by: CatalogEntry; value: AnswerValue }[];
}

/** A question's applicability, and the question up its `when` chain whose answer decided it. */
interface Outcome {
  applicability: Applicability;
  decidedBy?: CatalogEntry;
}

/**
 * Each entry's applicability under `when` alone (levels aside): its target's own chain holds, and
 * the target is answered one of the listed ways, or not decisively (unanswered, unknown, partial, na).
 * Linear in the catalog: each chain is settled once, iteratively (a long chain must not overflow the stack).
 */
function whenOutcomes(catalog: Catalog, answers: Answers): (entry: CatalogEntry) => Outcome {
  const memo = new Map<string, Outcome>();
  const conditionOf = (entry: CatalogEntry): CatalogEntry | undefined => {
    const when = entry.question.when;
    return when && catalog.byId.get(`${entry.checklist.id}/${when.question}`);
  };
  const settle = (current: CatalogEntry): Outcome => {
    const target = conditionOf(current);
    if (!target) return { applicability: 'applies' };
    const upstream = memo.get(target.globalId) ?? { applicability: 'applies' };
    const value = answers.answers.get(target.globalId)?.value;
    const own: Applicability =
      value === undefined || [current.question.when!.is].flat().includes(value) ? 'applies' : DECISIVE_ANSWERS.includes(value) ? 'off' : 'kept';
    // The nearest decisive "off" wins, then anything off further up, then what kept it in scope.
    if (own === 'off') return { applicability: 'off', decidedBy: target };
    if (upstream.applicability === 'off') return upstream;
    if (own === 'kept') return { applicability: 'kept', decidedBy: target };
    return upstream;
  };
  return (entry) => {
    const cached = memo.get(entry.globalId);
    if (cached) return cached;
    const chain: CatalogEntry[] = [];
    const inChain = new Set<CatalogEntry>();
    for (let at: CatalogEntry | undefined = entry; at && !memo.has(at.globalId); at = conditionOf(at)) {
      if (inChain.has(at)) break; // A cycle is a checklist error reported elsewhere; do not loop on it.
      chain.push(at);
      inChain.add(at);
    }
    for (let i = chain.length - 1; i >= 0; i--) memo.set(chain[i]!.globalId, settle(chain[i]!));
    return memo.get(entry.globalId)!;
  };
}

/** Each entry's applicability under `when` alone (levels aside). */
export function whenApplicability(catalog: Catalog, answers: Answers): (entry: CatalogEntry) => Applicability {
  const outcome = whenOutcomes(catalog, answers);
  return (entry) => outcome(entry).applicability;
}

/** What scoping did: questions kept in scope by an indefinite answer, and answers a decisive one set aside. */
export function summarizeScope(catalog: Catalog, answers: Answers, level: Level): ScopeSummary {
  const outcome = whenOutcomes(catalog, answers);
  const kept = new Map<string, ScopeSummary['keptInScope'][number]>();
  const ignored: ScopeSummary['ignored'] = [];
  for (const entry of catalog.entries) {
    if (entry.question.level > level) continue;
    const { applicability, decidedBy } = outcome(entry);
    if (!decidedBy) continue;
    if (applicability === 'off') {
      if (answers.answers.get(entry.globalId)?.value !== undefined) ignored.push({ entry, by: decidedBy, value: answers.answers.get(decidedBy.globalId)!.value! });
      continue;
    }
    const value = answers.answers.get(decidedBy.globalId)!.value!;
    const summary = kept.get(decidedBy.globalId) ?? { entry: decidedBy, value, dependents: 0 };
    summary.dependents++;
    kept.set(decidedBy.globalId, summary);
  }
  return { keptInScope: [...kept.values()], ignored };
}
