/**
 * Rules a schema cannot express: unique question ids, `when` targets that exist, no cycles, no
 * question that depends on a higher-level one, former ids that are not current ones.
 * They read the raw document defensively, so they run (and report) even when the schema fails.
 */
import type { Problem } from '../problems.js';
import { didYouMean } from '../suggest.js';
import { quote } from '../text.js';
import { locate } from '../input/source-position.js';
import type { PositionedSource } from '../input/source-position.js';

interface QuestionLinks {
  index: number;
  id?: string;
  when?: string;
  level?: number;
  formerly?: unknown[];
}

/** Every cross-question problem in one checklist document, located in its source. */
export function checkChecklistRules(source: PositionedSource): Problem[] {
  const problems: Problem[] = [];
  const at = (path: (string | number)[], message: string) =>
    problems.push({ file: source.file, ...locate(source, path), message });

  const questions = questionLinks(source.data);
  const indexById = new Map<string, number>();
  for (const { index, id } of questions) {
    if (id === undefined) continue;
    const first = indexById.get(id);
    if (first === undefined) indexById.set(id, index);
    else at(['questions', index, 'id'], `duplicate question id ${quote(id)} (first used by question ${first + 1})`);
  }

  for (const { index, id, when } of questions) {
    if (when === undefined) continue;
    if (when === id) at(['questions', index, 'when', 'question'], `"when" of ${quote(id ?? '')} names the question itself`);
    else if (!indexById.has(when)) {
      at(['questions', index, 'when', 'question'], `"when" names a missing question ${quote(when)}${didYouMean(when, indexById.keys())}`);
    }
  }

  // A question may not hang on one asked only at a higher level: at its own level the condition
  // could never be answered, so the question would always be kept in scope by default.
  const levelById = new Map(questions.flatMap(({ id, level }) => (id !== undefined && level !== undefined ? [[id, level] as const] : [])));
  for (const { index, id, when, level } of questions) {
    const targetLevel = when === undefined ? undefined : levelById.get(when);
    if (level === undefined || targetLevel === undefined || targetLevel <= level) continue;
    at(['questions', index, 'when', 'question'], `level-${level} question ${quote(id ?? '')} depends on ${quote(when!)}, which is only asked at level ${targetLevel}`);
  }

  for (const { index, formerly } of questions) {
    formerly?.forEach((former, position) => {
      if (typeof former === 'string' && indexById.has(former)) {
        at(['questions', index, 'formerly', position], `former id ${quote(former)} is the id of a current question`);
      }
    });
  }

  const next = new Map<string, string | undefined>();
  for (const { id, when } of questions) if (id !== undefined && !next.has(id)) next.set(id, when);
  for (const cycle of findWhenCycles(next)) {
    at(['questions', indexById.get(cycle[0]!)!, 'when', 'question'], `"when" forms a cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
  }
  return problems;
}

/**
 * The cycles among `when` links (question id -> the id it waits for), each once, starting at its
 * first question in the map's order; a question waiting for itself is reported elsewhere. Each
 * question has at most one `when`, so every walk follows a single chain: a question is walked once,
 * marked as on the current chain, then done, which keeps the check linear in the questions.
 */
export function findWhenCycles(next: ReadonlyMap<string, string | undefined>): string[][] {
  const rank = new Map<string, number>();
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of next.keys()) {
    rank.set(start, rank.size);
    if (done.has(start)) continue;
    const chain: string[] = [];
    const onChain = new Map<string, number>();
    let node: string | undefined = start;
    while (node !== undefined && !done.has(node) && !onChain.has(node)) {
      onChain.set(node, chain.length);
      chain.push(node);
      const target: string | undefined = next.get(node);
      node = target !== undefined && next.has(target) ? target : undefined;
    }
    const back = node === undefined ? undefined : onChain.get(node);
    if (back !== undefined && chain.length - back > 1) cycles.push(chain.slice(back));
    for (const member of chain) done.add(member);
  }
  // Rank is complete only now: start each cycle at its first question in the map's order.
  return cycles.map((cycle) => {
    let first = 0;
    cycle.forEach((id, i) => {
      if (rank.get(id)! < rank.get(cycle[first]!)!) first = i;
    });
    return [...cycle.slice(first), ...cycle.slice(0, first)];
  }).sort((a, b) => rank.get(a[0]!)! - rank.get(b[0]!)!);
}

/** The ids and `when` targets of the questions, whatever shape the rest of the document has. */
function questionLinks(data: unknown): QuestionLinks[] {
  const questions = isRecord(data) && Array.isArray(data.questions) ? data.questions : [];
  return questions.map((question: unknown, index) => {
    if (!isRecord(question)) return { index };
    const when = isRecord(question.when) ? question.when.question : undefined;
    return {
      index,
      id: typeof question.id === 'string' ? question.id : undefined,
      when: typeof when === 'string' ? when : undefined,
      level: typeof question.level === 'number' ? question.level : undefined,
      formerly: Array.isArray(question.formerly) ? question.formerly : undefined,
    };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
