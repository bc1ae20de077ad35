/** `breachready report [file]`: declaration (the work is in report-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import type { CommandContext } from '../cli/command.js';
import { addOptions } from '../cli/options.js';
import { formatRows } from '../report/formats.js';
import { OPTIONS } from './report-options.js';
import type { ReportOptions } from './report-options.js';

export const name = 'report';

export { OPTIONS };

/** The formats, one line each, from the registry. */
function formatsHelp(): string {
  const rows = formatRows();
  const width = Math.max(...rows.map((r) => `${r.name} (${r.extensions})`.length));
  return rows.map((r) => `      ${`${r.name} (${r.extensions})`.padEnd(width)}  ${r.help}`).join('\n');
}

export function declare(program: Command, context: CommandContext): void {
  addOptions(
    program.command(name).description('score an answers file and print the gap report, or write it in any of the formats below').argument('[file]', 'the answers file, as with --answers'),
    OPTIONS,
  )
    .addHelpText(
      'after',
      `
    Formats (-f, or -o by extension):
${formatsHelp()}

    Exit codes: 0 pass, 1 policy failed (reason on stderr), 2 usage or input error, 130 interrupted.

    Examples:
      $ breachready report                           reads ${DEFAULT_ANSWERS_FILE}
      $ breachready report acme.yaml
      $ breachready report --answers answers.yaml --fail-on high --min-score 70 -o report.md
      $ breachready report --answers answers.yaml --fail-on critical -o junit.xml -o results.sarif
      $ breachready report --answers answers.yaml -o report.md -o report.json
      $ breachready report --answers answers.yaml -o report.html -o report.pdf --paper a4
      $ breachready report --answers answers.yaml --format json --as-of 2026-11-22 > report.json
      $ cat answers.yaml | breachready report --answers - --level 1`,
    )
    .action(async (file: string | undefined, options: ReportOptions) => (await import('./report-run.js')).runReport(options, context.globals(), file));
}
