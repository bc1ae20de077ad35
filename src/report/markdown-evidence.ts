/**
 * The Markdown report's evidence sections (the register, what needs re-confirmation, what is
 * unverified) and the remediation plan's owner column. Built with the renderer's own blocks, which
 * escape every input string; an evidence link stays text, never a live link.
 */
import type { EvidenceReview } from '../evidence/review.js';
import type { QuestionResult } from '../scoring/model.js';
import type { RoadmapItem } from '../scoring/roadmap.js';
import { SEVERITY_LABEL } from './common.js';
import { ageText, itemHash, itemText, ownerDueText, reconfirmReasons } from './evidence-text.js';

/** The Markdown renderer's building blocks: each returns safe Markdown. */
export interface MarkdownBlocks {
  /** Untrusted text on one line, escaped (links defused). */
  line: (text: string | undefined) => string;
  heading: (level: number, text: string) => string;
  table: (headers: readonly string[], rows: readonly (readonly string[])[]) => string;
  /** An identifier in a code span when it is plain, otherwise escaped text. */
  code: (text: string) => string;
}

/** The plan's "Owner and due" cell. */
export function ownerDueCell(md: MarkdownBlocks, result: QuestionResult, planned: RoadmapItem | undefined): string {
  const text = ownerDueText(result, planned);
  if (text === undefined) return md.line(undefined);
  // The "(overdue)" mark is ours: bold, after the escaped owner and date.
  return planned?.overdue ? `${md.line(ownerDueText(result, undefined))} (**overdue**)` : md.line(text);
}

/** A section of the report: its title (for the contents) and its blocks, heading first. */
export interface MarkdownSection {
  title: string;
  blocks: string[];
}

/** The evidence sections; none when there is nothing to list (older answers files report as before). */
export function evidenceMarkdown(md: MarkdownBlocks, review: EvidenceReview | undefined): MarkdownSection[] {
  if (!review) return [];
  const sections: MarkdownSection[] = [];
  let blocks: string[] = [];
  const start = (title: string) => {
    blocks = [md.heading(2, title)];
    sections.push({ title, blocks });
  };
  if (review.register.length) {
    start('Evidence register');
    blocks.push(
      'Each link or file given as evidence. A file is checked against the SHA-256 recorded when it was added; a link is not checked. ' +
        'Missing, changed and refused files fail the report.',
    );
    blocks.push(
      md.table(
        ['Question', 'Evidence', 'SHA-256', 'Collected', 'Expires', 'Status'],
        review.register.map(({ result, item, status }) => [
          md.code(result.globalId),
          md.line(itemText(item)),
          md.line(itemHash(item)),
          md.line(item.collected),
          md.line(item.expires),
          status === 'current' ? status : `**${status}**`,
        ]),
      ),
    );
  }
  if (review.reconfirm.length) {
    start('Needs re-confirmation');
    blocks.push('Stale answers and expired evidence: not gaps, and the score does not change, but each should be confirmed again.');
    blocks.push(
      md.table(
        ['Question', 'Severity', 'Owner', 'Age', 'Why'],
        review.reconfirm.map((entry) => [
          md.code(entry.result.globalId),
          SEVERITY_LABEL[entry.result.question.severity],
          md.line(entry.result.answer?.owner),
          ageText(entry.ageDays),
          md.line(reconfirmReasons(entry, review).join('; ')),
        ]),
      ),
    );
  }
  if (review.unverified.length) {
    start('Unverified answers');
    blocks.push(`Answered yes or partly at or above ${review.requireEvidence} severity, without current evidence.`);
    blocks.push(md.table(['Question', 'Severity', 'Owner'], review.unverified.map((r) => [md.code(r.globalId), SEVERITY_LABEL[r.question.severity], md.line(r.answer?.owner)])));
  }
  return sections;
}
