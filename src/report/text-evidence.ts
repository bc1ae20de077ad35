/**
 * The terminal report's evidence sections: the register, what needs re-confirmation and what is
 * unverified. Each appears only when it has something to list, so older answers files report as before.
 */
import type { ChalkInstance } from 'chalk';
import type { EvidenceReview } from '../evidence/review.js';
import { plural } from '../plural.js';
import type { QuestionResult } from '../scoring/model.js';
import { terminalLine } from '../text.js';
import { ageText, itemHash, itemText, reconfirmReasons } from './evidence-text.js';

export interface TextTools {
  chalk: ChalkInstance;
  /** Untrusted text wrapped under an indent, control characters removed. */
  block: (text: string, indent: string) => string[];
}

/** Under a row: past the widest label (`not checked`). */
const INDENT = ' '.repeat(15);

/** The sections' lines, each section followed by a blank line; none when there is nothing to list. */
export function evidenceTextLines(review: EvidenceReview, { chalk, block }: TextTools): string[] {
  const out: string[] = [];
  const head = (r: QuestionResult, label: string) => `  ${label.padEnd(INDENT.length - 3)} ${terminalLine(r.globalId)}`;
  // Every label is ours: a status or a severity.
  if (review.register.length) {
    out.push(chalk.bold(`Evidence register (${plural(review.register.length, 'item')})`));
    for (const { result, item, status } of review.register) {
      out.push(head(result, status));
      const dates = [item.collected && `collected ${item.collected}`, item.expires && `expires ${item.expires}`].filter(Boolean).join(', ');
      const hash = itemHash(item);
      out.push(...block(itemText(item), INDENT));
      const details = [hash && `sha256 ${hash}`, dates].filter(Boolean).join(' · ');
      if (details) out.push(...block(details, INDENT).map((l) => chalk.dim(l)));
    }
    out.push('');
  }
  if (review.reconfirm.length) {
    out.push(chalk.bold(`Needs re-confirmation (${review.reconfirm.length}): not gaps, the score is unchanged`));
    for (const entry of review.reconfirm) {
      const owner = entry.result.answer?.owner;
      out.push(head(entry.result, entry.result.question.severity.toUpperCase()));
      out.push(...block(`owner ${owner ?? 'not named'}, age ${ageText(entry.ageDays)}`, INDENT));
      for (const reason of reconfirmReasons(entry, review)) out.push(...block(reason, INDENT).map((l) => chalk.dim(l)));
    }
    out.push('');
  }
  if (review.unverified.length) {
    out.push(chalk.bold(`Unverified (${review.unverified.length}): yes or partial at or above ${review.requireEvidence} without current evidence`));
    for (const result of review.unverified) out.push(head(result, result.question.severity.toUpperCase()));
    out.push('');
  }
  return out;
}
