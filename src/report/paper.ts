/** The page sizes a PDF can be printed on: declared once for the option, its help and the printer. */
export const PAPER_SIZES = ['letter', 'a4'] as const;
export type Paper = (typeof PAPER_SIZES)[number];
/** Chromium's own default, and the example's. */
export const DEFAULT_PAPER: Paper = 'letter';

/** The CSS page size for a paper: the HTML itself names none, so a browser's print dialog chooses. */
export const PAGE_SIZE_CSS: Record<Paper, string> = { letter: '@page { size: letter; }', a4: '@page { size: A4; }' };
