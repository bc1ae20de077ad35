/**
 * Rules a schema cannot express: unique question ids, `when` targets that exist, no cycles, no
 * question that depends on a higher-level one, former ids that are not current ones.
 * They read the raw document defensively, so they run (and report) even when the schema fails.
 */
import type { Problem } from '../problems.js';
import { didYouMean } from '../suggest.js';
import { quote } from '../text.js';
import { locate } from '../source-position.js';
import type { PositionedSource } from '../source-position.js';

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

  // Each question has at most one `when`, so a cycle is a chain that comes back to its start.
  const next = new Map<string, string | undefined>();
  for (const { id, when } of questions) if (id !== undefined && !next.has(id)) next.set(id, when);
  const reported = new Set<string>();
  for (const { index, id, when } of questions) {
    if (id === undefined || reported.has(id) || when === id) continue;
    const chain = [id];
    for (let target = next.get(id); target !== undefined; target = next.get(target)) {
      if (target === id) {
        chain.forEach((member) => reported.add(member));
        at(['questions', index, 'when', 'question'], `"when" forms a cycle: ${[...chain, id].join(' -> ')}`);
        break;
      }
      if (!next.has(target) || chain.includes(target)) break;
      chain.push(target);
    }
  }
  return problems;
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
