/** One answers-file entry with every field evidence brought (owner, dates, a link and a hashed file), as YAML lines. */
export const RECORDED_SHA = '3b1f'.repeat(16);

export function fullEntryLines({ by = 'Jane Doe', sha = RECORDED_SHA } = {}): string[] {
  return [
    'answer: no',
    'answered: 2026-11-22',
    `by: ${by}`,
    'owner: IT manager',
    'due: 2027-03-31',
    'evidence:',
    '  - href: https://wiki.example/mfa-policy',
    '    expires: 2027-11-20',
    '  - path: evidence/conditional-access.pdf',
    `    sha256: ${sha}`,
    '    collected: 2026-11-20',
  ];
}
