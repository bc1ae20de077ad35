/** `breachready [interview]`, the default command: declaration (the work is in interview-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import { DEFAULT_ANSWERS_FILE } from '../answers/default-file.js';
import type { CommandContext } from '../cli/command.js';
import { CliError, EXIT } from '../errors.js';
import { SHARED, addOptions, flag, value } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const name = 'interview';

export const OPTIONS = {
  answers: SHARED.answers('the answers file to write and resume', DEFAULT_ANSWERS_FILE),
  level: SHARED.level,
  checklist: SHARED.checklist,
  review: flag('--review', 'walk every question again, with the current answers preselected'),
  output: value('-o, --output <file>', 'at the end, write the Markdown report to this file without asking'),
};
export type InterviewOptions = OptionValues<typeof OPTIONS>;

export function declare(program: Command, context: CommandContext): void {
  addOptions(
    program.command(name, { isDefault: true }).description('interview in this terminal (the default command); answers are saved after every question'),
    OPTIONS,
  )
    .addHelpText(
      'after',
      `
    Examples:
      $ npx breachready                               start, or resume, breachready-answers.yaml
      $ breachready --answers acme.yaml --level 1     a client's essentials, in their own file
      $ breachready --answers acme.yaml --review      go over every answer again
      $ breachready --answers acme.yaml -o acme-report.md`,
    )
    .allowExcessArguments(true)
    .action(async (options: InterviewOptions, command: Command) => {
      // The default command receives whatever word was not a command: say so, with a suggestion.
      const [word] = command.args;
      if (word !== undefined) {
        const { didYouMean } = await import('../suggest.js');
        throw new CliError(`unknown command "${word}"${didYouMean(word, context.names)}`, EXIT.usage, 'See: breachready --help');
      }
      return (await import('./interview-run.js')).runInterviewCommand(options, context.globals());
    });
}
