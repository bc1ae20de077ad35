/**
 * Redaction for sharing (`--redact`): one pure transformation of the answers model, applied before
 * scoring, so every report format (those to come too) shows only what is left. It removes what
 * people wrote and who they are (notes, evidence links and files, the assessor, `by`, `owner`,
 * accepted-risk reasons and names) and replaces the organisation with a pseudonym unless names
 * are kept; question ids, answers, scores and dates stay.
 */
import type { Answer, Answers, EvidenceItem } from './answers/model.js';

/** What a removed text reads as, where the model needs one (an accepted risk's `by` and `reason`). */
export const REDACTED = '[redacted]';

const REDACTED_WHAT = 'notes, evidence, names of people and accepted-risk reasons removed';
/** What every report says when it was made from redacted answers (text, and Markdown below; JSON has `redacted: true`). */
export const REDACTED_NOTICE = `Redacted for sharing: ${REDACTED_WHAT}`;
export const REDACTED_MARKDOWN = `**Redacted for sharing:** ${REDACTED_WHAT}`;

export interface RedactOptions {
  /** The organisation's (or unit's) stand-in, e.g. `Unit A`. */
  pseudonym: string;
  /** --keep-names: the organisation keeps its own name. */
  keepNames?: boolean;
}

/** `Unit A` for the first, `Unit B` for the second, ... `Unit Z`, `Unit AA`: stable in the order given. */
export function pseudonym(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `Unit ${letters}`;
}

export function redactAnswers(answers: Answers, options: RedactOptions): Answers {
  const redacted = new Map<string, Answer>();
  for (const [id, answer] of answers.answers) redacted.set(id, redactAnswer(answer));
  return {
    ...answers,
    organization: options.keepNames ? answers.organization : options.pseudonym,
    assessor: undefined,
    answers: redacted,
    redacted: true,
  };
}

function redactAnswer(answer: Answer): Answer {
  const { evidence, accepted, ...kept } = answer;
  return {
    ...kept,
    note: undefined,
    by: undefined,
    owner: undefined,
    // The items stay, with their dates, so freshness and expiry read the same; where they are goes.
    evidence: evidence?.map(redactEvidence),
    accepted: accepted && { by: REDACTED, reason: REDACTED, until: accepted.until },
  };
}

function redactEvidence(item: EvidenceItem): EvidenceItem {
  return { text: REDACTED, ...(item.collected && { collected: item.collected }), ...(item.expires && { expires: item.expires }) };
}
