/** `breachready template`: declaration (the work is in template-run.ts, loaded when it runs). */
import type { Command } from 'commander';
import { SHARED, addOptions, flag, value } from '../cli/options.js';
import type { OptionValues } from '../cli/options.js';

export const name = 'template';

export const OPTIONS = {
  level: SHARED.level,
  checklist: SHARED.checklist,
  output: value('-o, --output <file>', 'write to this file instead of stdout (never overwrites without --force)'),
  force: flag('--force', 'replace an existing output file'),
};
export type TemplateOptions = OptionValues<typeof OPTIONS>;

export function declare(program: Command): void {
  addOptions(program.command(name).description('write an answers file with every applicable question, to fill in by hand'), OPTIONS)
    .addHelpText(
      'after',
      `
    Examples:
      $ breachready template -o breachready-answers.yaml
      $ breachready template --level 1 --checklist social-media --checklist backup-recovery`,
    )
    .action(async (options: TemplateOptions) => (await import('./template-run.js')).runTemplate(options));
}
