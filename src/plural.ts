/** A count with its noun: `1 question`, `3 questions` (English, for messages and reports). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
