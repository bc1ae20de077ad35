/** A Markdown document's structure, from markdownlint's micromark (GFM) parse, for tests. */
import type { MicromarkToken, Rule } from 'markdownlint';
import { lint } from 'markdownlint/sync';

/** Token types that must never come from untrusted text in a report. */
export const FORBIDDEN_TOKENS = new Set([
  'htmlFlow', 'htmlText', 'link', 'image', 'autolink', 'literalAutolink', 'definition', 'codeFenced', 'codeIndented',
  'blockQuote', 'thematicBreak', 'setextHeading', 'mathFlow', 'mathText', 'gfmFootnoteCall', 'gfmFootnoteDefinition',
]);

export interface MarkdownStructure {
  headings: string[];
  /** `type at line N: text` for every forbidden token. */
  forbidden: string[];
  codeSpans: string[];
  /** Cells per row (header first), per table. */
  tables: number[][];
  /**
   * The report's own in-page links (`[Roadmap](#roadmap)`, `[gap 3](#gap-3)`): a plain label and a
   * fragment of lower-case letters, digits and hyphens. Any other link counts as forbidden.
   */
  inPageLinks: string[];
}

const IN_PAGE_LINK = /^\[[A-Za-z0-9 :]+\]\(#[a-z0-9-]+\)$/;

export function flatten(tokens: readonly MicromarkToken[]): MicromarkToken[] {
  return tokens.flatMap((t) => [t, ...flatten(t.children)]);
}

/** A markdownlint rule that collects the structure into `into` (to combine with other rules in one lint). */
export function structureRule(into: MarkdownStructure): Rule {
  return {
    names: ['breachready-structure'],
    description: 'Collects the document structure for assertions',
    tags: ['test'],
    parser: 'micromark',
    function: (params) => {
      // GFM token types (table, tableRow...) are not in micromark's core type map: compare as strings.
      const type = (t: MicromarkToken): string => t.type;
      for (const t of flatten(params.parsers.micromark.tokens)) {
        if (type(t) === 'atxHeading' || type(t) === 'setextHeading') into.headings.push(t.text);
        if (type(t) === 'codeText') into.codeSpans.push(t.text);
        if (type(t) === 'link' && IN_PAGE_LINK.test(t.text)) into.inPageLinks.push(t.text);
        else if (FORBIDDEN_TOKENS.has(type(t))) into.forbidden.push(`${type(t)} at line ${t.startLine}: ${t.text}`);
        if (type(t) === 'table') {
          into.tables.push(
            flatten(t.children)
              .filter((r) => type(r) === 'tableRow')
              .map((r) => r.children.filter((c) => type(c) === 'tableHeader' || type(c) === 'tableData').length),
          );
        }
      }
    },
  };
}

export const emptyStructure = (): MarkdownStructure => ({ headings: [], forbidden: [], codeSpans: [], tables: [], inPageLinks: [] });

/** The structure of a Markdown document. */
export function markdownStructure(markdown: string): MarkdownStructure {
  const structure = emptyStructure();
  lint({ strings: { report: markdown }, config: { default: false, 'breachready-structure': true }, customRules: [structureRule(structure)] });
  return structure;
}

/** Pipes that separate table cells: not escaped by a backslash. */
export function cellSeparators(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') count++;
  }
  return count;
}
