/**
 * Rules the schema cannot express: fields of one answer that must agree with each other. They
 * read the answer as the model has it (text trimmed), after the schema took its entry.
 */
import { posix } from 'node:path';
import type { PathSegment } from '../input/source-position.js';
import type { Answer, EvidenceItem } from './model.js';

export interface AnswerRuleProblem {
  /** Where the problem is, below the answer's own key. */
  path: PathSegment[];
  message: string;
}

/** Every rule one answer breaks, in the order they are reported. */
export function answerRuleProblems(answer: Answer): AnswerRuleProblem[] {
  const problems: AnswerRuleProblem[] = [];
  if (answer.value === 'na' && !answer.note) {
    problems.push({ path: [], message: `"na" needs a note that justifies it (answer: na, note: why it does not apply)` });
  }
  if (answer.accepted && (answer.value === 'yes' || answer.value === 'na')) {
    problems.push({ path: ['accepted'], message: `an accepted risk needs a gap: the answer is "${answer.value}"` });
  }
  answer.evidence?.forEach((item, index) => {
    for (const rule of evidenceRuleProblems(item)) problems.push({ path: ['evidence', index, ...rule.path], message: rule.message });
  });
  return problems;
}

function evidenceRuleProblems(item: EvidenceItem): AnswerRuleProblem[] {
  const problems: AnswerRuleProblem[] = [];
  if (item.path !== undefined && !staysInFolder(item.path)) {
    problems.push({ path: ['path'], message: "evidence path must stay inside the answers file's folder" });
  }
  // ISO dates compare as text.
  if (item.collected && item.expires && item.expires < item.collected) {
    problems.push({ path: ['expires'], message: `evidence expires (${item.expires}) before it was collected (${item.collected})` });
  }
  return problems;
}

/**
 * Whether a path names something in the answers file's folder or below, on any system the file
 * may be read on: not absolute (`/x`, `C:\x`, `C:x`, `\\server\x`) and not climbing out with `..`.
 */
function staysInFolder(path: string): boolean {
  const slashed = path.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return false;
  const normal = posix.normalize(slashed);
  return normal !== '..' && !normal.startsWith('../');
}
