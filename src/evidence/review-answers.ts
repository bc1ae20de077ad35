/** The evidence of an answers file reviewed: its files checked (I/O), then judged (pure). */
import { answersDir } from '../answers/file.js';
import type { MaxAge } from '../answers/freshness.js';
import type { Answers } from '../answers/model.js';
import { STDIN_NAME, isStdin } from '../answers/stdin.js';
import type { Severity } from '../checklist/vocabulary.js';
import type { Problem } from '../problems.js';
import type { Assessment } from '../scoring/model.js';
import { checkEvidenceFiles, evidenceItems } from './check.js';
import { integrityFindings, reviewEvidence } from './review.js';
import type { EvidenceReview } from './review.js';

/** The file name messages give (`<stdin>` for standard input, whose paths are read from the working directory). */
function fileName(answers: Answers): string {
  return answers.file === undefined || isStdin(answers.file) ? STDIN_NAME : answers.file;
}

/** The review of the answers: the file's `max-age:` applies unless `maxAge` (--max-age) overrides it. */
export function reviewAnswersEvidence(
  answers: Answers,
  assessment: Pick<Assessment, 'asOf' | 'results'>,
  options: { maxAge?: MaxAge; requireEvidence?: Severity },
): EvidenceReview {
  const items = evidenceItems(answers);
  const checks = checkEvidenceFiles(items, answersDir(answers.file ?? STDIN_NAME));
  return reviewEvidence(assessment, items, checks, { file: fileName(answers), maxAge: options.maxAge ?? answers.maxAge, requireEvidence: options.requireEvidence });
}

/** Only the integrity findings (for `validate`, which judges no dates). */
export function answersEvidenceIntegrity(answers: Answers): Problem[] {
  const items = evidenceItems(answers);
  return integrityFindings(items, checkEvidenceFiles(items, answersDir(answers.file ?? STDIN_NAME)), fileName(answers));
}
