/** The loaded checklists indexed by global question id (`<checklist>/<question>`). */
import type { Checklist, Question } from './checklist/schema.js';

export interface CatalogEntry {
  globalId: string;
  checklist: Checklist;
  question: Question;
  checklistIndex: number;
  questionIndex: number;
}

export interface Catalog {
  checklists: readonly Checklist[];
  entries: CatalogEntry[];
  byId: Map<string, CatalogEntry>;
  /** Former global ids (a question's `formerly`) -> the question that now answers for them. */
  formerIds: Map<string, CatalogEntry>;
}

/** Builds the index once; every later lookup is O(1). */
export function buildCatalog(checklists: readonly Checklist[]): Catalog {
  const entries: CatalogEntry[] = [];
  const byId = new Map<string, CatalogEntry>();
  checklists.forEach((checklist, checklistIndex) =>
    checklist.questions.forEach((question, questionIndex) => {
      const entry = { globalId: `${checklist.id}/${question.id}`, checklist, question, checklistIndex, questionIndex };
      entries.push(entry);
      byId.set(entry.globalId, entry);
    }),
  );
  // A former id resolves only where no current question holds it, and only to its first claimant.
  const formerIds = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    for (const globalId of formerGlobalIds(entry.checklist.id, entry.question)) {
      if (!byId.has(globalId) && !formerIds.has(globalId)) formerIds.set(globalId, entry);
    }
  }
  return { checklists, entries, byId, formerIds };
}

/** A question's former ids as global ids: a bare id is of the question's own checklist. */
export function formerGlobalIds(checklistId: string, question: Question): string[] {
  return (question.formerly ?? []).map((former) => (former.includes('/') ? former : `${checklistId}/${former}`));
}
