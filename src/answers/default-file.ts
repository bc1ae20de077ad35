/** The answers file the interview writes and `report` reads when none is named. */
export const DEFAULT_ANSWERS_FILE = 'breachready-answers.yaml';
