/** Every command module, in the order help lists them; each declares itself. */
import type { CommandModule } from './command.js';
import * as interview from '../commands/interview.js';
import * as list from '../commands/list.js';
import * as validate from '../commands/validate.js';
import * as schema from '../commands/schema.js';
import * as report from '../commands/report.js';
import * as diff from '../commands/diff.js';
import * as template from '../commands/template.js';
import * as evidence from '../commands/evidence.js';
import * as trend from '../commands/trend.js';
import * as rollup from '../commands/rollup.js';

export const COMMANDS: readonly CommandModule[] = [interview, list, validate, schema, report, diff, trend, rollup, template, evidence];
export const COMMAND_NAMES = COMMANDS.map((command) => command.name);
/** The command that runs when no command is named. */
export const DEFAULT_COMMAND = interview.name;
