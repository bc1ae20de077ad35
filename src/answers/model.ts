/** The answers as the scoring and the reports see them: plain data, no YAML. */
import type { AnswerValue, Level } from '../checklist/schema.js';
import type { Acceptance } from './schema.js';

export interface Answer {
  /** undefined = unanswered (null or an entry without `answer`). */
  value?: AnswerValue;
  note?: string;
  evidence?: string;
  accepted?: Acceptance;
  /** 1-based line of this answer in the answers file, for SARIF and annotations. */
  line?: number;
}

export interface Answers {
  /** Path of the answers file as given, or `-` for stdin; undefined when there is none. */
  file?: string;
  organization?: string;
  assessor?: string;
  date?: string;
  level?: Level;
  /** Checklist id -> version the answers were given against. */
  versions?: Record<string, string>;
  /** Global question id (`<checklist>/<question>`) -> answer. */
  answers: Map<string, Answer>;
  /** Line of the `answers:` key (where a SARIF result for an unanswered question points). */
  answersLine?: number;
}
