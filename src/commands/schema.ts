/** `breachready schema [kind]`: declaration (the work is in schema-run.ts, loaded when it runs). */
import type { Command } from 'commander';

export const name = 'schema';

export function declare(program: Command): void {
  program
    .command(name)
    .description('print the JSON Schema of checklists, answers files or the JSON report')
    .argument('[kind]', 'checklist, answers or report', 'checklist')
    .addHelpText('after', '\nExamples:\n  $ breachready schema checklist > checklist.schema.json\n  $ breachready schema answers\n  $ breachready schema report')
    .action(async (kind: string) => (await import('./schema-run.js')).runSchema(kind));
}
