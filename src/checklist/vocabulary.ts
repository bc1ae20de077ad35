/** The fixed vocabularies of checklists and answers, apart from the zod schema so that code which only needs the words does not load zod. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const EFFORTS = ['low', 'medium', 'high'] as const;
export const LEVELS = [1, 2, 3] as const;
export const ANSWER_VALUES = ['yes', 'partial', 'no', 'unknown', 'na'] as const;
export const FRAMEWORKS = ['nist-csf-2', 'cis-v8', 'iso-27001-2022', 'nist-800-53'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type Effort = (typeof EFFORTS)[number];
export type Level = (typeof LEVELS)[number];
export type AnswerValue = (typeof ANSWER_VALUES)[number];
export type Framework = (typeof FRAMEWORKS)[number];

/** How the interview and the reports name each answer value. */
export const ANSWER_LABELS: Record<AnswerValue, string> = { yes: 'Yes', partial: 'Partly', no: 'No', unknown: "Don't know", na: 'Not applicable' };

/** The level of an assessment that names none: every question. */
export const HIGHEST_LEVEL: Level = LEVELS[LEVELS.length - 1]!;
