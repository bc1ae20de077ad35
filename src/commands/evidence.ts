/** `breachready evidence add|list`: declaration (the work is in evidence-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import { addOptions } from '../cli/options.js';
import { ADD_OPTIONS, LIST_OPTIONS } from './evidence-options.js';
import type { EvidenceAddOptions, EvidenceListOptions } from './evidence-options.js';

export const name = 'evidence';

export function declare(program: Command): void {
  const evidence = program
    .command(name)
    .description('record evidence for an answer without the interview, or list what is recorded')
    .addHelpText(
      'after',
      `
Examples:
  $ breachready evidence add privileged-access/admin-mfa evidence/conditional-access.pdf
  $ breachready evidence add privileged-access/admin-mfa https://wiki.example/mfa --expires 2027-11-20
  $ breachready evidence list --answers acme.yaml --format json`,
    );
  addOptions(
    evidence
      .command('add')
      .description("add a link or a file (relative to the answers file's folder; its SHA-256 and today's date are recorded) to an answer")
      .argument('<question>', 'the question id, <checklist>/<question>')
      .argument('<path|url>', "a file inside the answers file's folder, or an http(s) link"),
    ADD_OPTIONS,
  )
    .addHelpText(
      'after',
      `
Examples:
  $ breachready evidence add privileged-access/admin-mfa evidence/conditional-access.pdf
  $ breachready evidence add backup-recovery/restore-tests https://wiki.example/restore --expires 2027-06-30 --answers acme.yaml`,
    )
    .action(async (question: string, input: string, options: EvidenceAddOptions) => (await import('./evidence-run.js')).runEvidenceAdd(question, input, options));
  addOptions(evidence.command('list').description('list every evidence item: question, kind, short hash, collected, expires, current or expired'), LIST_OPTIONS)
    .addHelpText(
      'after',
      `
Examples:
  $ breachready evidence list
  $ breachready evidence list --answers acme.yaml --as-of 2027-11-22 --format json`,
    )
    .action(async (options: EvidenceListOptions) => (await import('./evidence-run.js')).runEvidenceList(options));
}
