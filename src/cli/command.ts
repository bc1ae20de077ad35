/** What a command module gives the CLI entry, and what the entry gives it back. */
import type { Command } from 'commander';
import type { OptionSpec } from './options.js';

/** The program's own options, as a command sees them. */
export interface Globals {
  /** false with --no-color; undefined: decide from the terminal and NO_COLOR. */
  color: boolean | undefined;
}

export interface CommandContext {
  globals: () => Globals;
  /** Every command's name, for suggestions. */
  names: readonly string[];
}

/**
 * A command: its name and a light `declare` (commander declaration, options, help, examples) whose
 * action imports the implementation only when the command runs.
 */
export interface CommandModule {
  name: string;
  /** Its options, keyed by the name commander gives their values (the source of their types). */
  OPTIONS?: Record<string, OptionSpec<unknown>>;
  declare: (program: Command, context: CommandContext) => void;
}
