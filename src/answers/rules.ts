/**
 * Rules the schema cannot express: fields of one answer that must agree with each other. They
 * read the answer as the model has it (text trimmed), after the schema took its entry.
 */
import type { PathSegment } from '../input/source-position.js';
import type { Answer } from './model.js';

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
  return problems;
}
