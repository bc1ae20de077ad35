/**
 * Command-line options as data: each is declared once (flags, help, choices, how its value is
 * read) and commands pick the ones they take. A command's option types come from its picks
 * (`OptionValues<typeof OPTIONS>`), so no module types or parses an option by hand.
 */
import { Option } from 'commander';
import type { Command } from 'commander';
import type { Level } from '../checklist/schema.js';
import { LEVELS, SEVERITIES } from '../checklist/vocabulary.js';
import { CliError } from '../errors.js';
import { COMPARISON_FORMAT_NAMES, FORMAT_NAMES, knownExtensions } from '../report/formats.js';
import type { FormatName } from '../report/formats.js';
import type { FailOn } from '../policy.js';
import { MAX_AGE_HINT, parseMaxAge } from '../answers/freshness.js';
import type { MaxAge } from '../answers/freshness.js';

/** An option and the type of its parsed value (`T` is only read by `OptionValues`). */
export interface OptionSpec<T> {
  create: () => Option;
  readonly value?: T;
}

/** The parsed values of a command's options, absent when not given (and without default). */
export type OptionValues<Specs extends Record<string, OptionSpec<unknown>>> = {
  [K in keyof Specs]?: Specs[K] extends OptionSpec<infer T> ? T : never;
};

export const spec = <T>(create: () => Option): OptionSpec<T> => ({ create });
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Choices checked by commander (its message, its help), then the value converted. */
function parsedChoice<T>(option: Option, convert: (value: string) => T): Option {
  const check = option.parseArg!;
  return option.argParser((value: string, previous: unknown) => convert(check(value, previous) as string));
}

/** An on/off option. */
export const flag = (flags: string, description: string) => spec<boolean>(() => new Option(flags, description));
/** An option with one value. */
export const value = (flags: string, description: string, fallback?: string) =>
  spec<string>(() => (fallback === undefined ? new Option(flags, description) : new Option(flags, description).default(fallback)));

/** `-f` for a command that writes files too (-o): text on stdout, or nothing when -o is given. */
export const stdoutFormatOf = <T extends string>(names: readonly T[]) =>
  spec<T>(() => new Option('-f, --format <format>', 'format on stdout (default: text, or none when -o is given)').choices(names));

/** `-o` for a command that writes these formats, each file's format by its extension. */
export const outputsOf = (names: readonly FormatName[]) =>
  spec<string[]>(() => new Option('-o, --output <file>', `also write a file; the format follows the extension: ${knownExtensions(names).join(' ')} (repeatable)`).argParser(collect));

/** `-f` for a command with its own set of formats (diff), text by default. */
export const formatOf = <T extends string>(names: readonly T[]) =>
  spec<T>(() => new Option('-f, --format <format>', 'output format').choices(names).default('text'));

/** The options several commands share. */
export const SHARED = {
  checklist: spec<string[]>(() =>
    new Option('-c, --checklist <id|path>', 'use only this checklist: a built-in id, a YAML file or a directory (repeatable)').argParser(collect),
  ),
  level: spec<Level>(() =>
    parsedChoice(new Option('-l, --level <n>', 'assessment level: 1 essentials, 2 standard, 3 advanced (every question)').choices(LEVELS.map(String)), (v) => Number(v) as Level),
  ),
  asOf: (why = '') => value('--as-of <date>', `judge accepted risks as of this date, YYYY-MM-DD (default: today)${why}`),
  failOnRegression: (description: string) => flag('--fail-on-regression', description),
  /** The answers file: the interview writes it (default file), report reads it. */
  answers: (description: string, fallback?: string) => value('-a, --answers <file>', description, fallback),
  /** The report formats on stdout. */
  format: stdoutFormatOf<FormatName>(FORMAT_NAMES),
  /** The formats a comparison prints in. */
  comparisonFormat: formatOf<FormatName>(COMPARISON_FORMAT_NAMES),
  /** Report files, their format by extension. */
  outputs: outputsOf(FORMAT_NAMES),
  failOn: spec<FailOn>(() =>
    new Option('--fail-on <severity>', 'exit 1 when an open gap (not an accepted risk) at or above this severity remains').choices([...SEVERITIES, 'none']).default('none'),
  ),
  minScore: spec<number>(() => new Option('--min-score <0-100>', 'exit 1 when the overall score is below this').argParser(parseScore('--min-score'))),
  minUnitScore: spec<number>(() => new Option('--min-unit-score <0-100>', "exit 1 when any unit's score is below this").argParser(parseScore('--min-unit-score'))),
  maxAge: spec<MaxAge>(() =>
    new Option('--max-age <age>', "an answer older than this is stale, e.g. 90d, 12m, 1y (overrides the file's max-age:)").argParser(parseMaxAgeOption),
  ),
  redact: flag('--redact', 'for sharing: remove notes, evidence, names of people and accepted-risk reasons; the organisation becomes "Unit A"'),
  keepNames: flag('--keep-names', 'with --redact: keep the organisation (and unit) names'),
} as const;

/** Adds the options, in order, to a command. */
export function addOptions(command: Command, specs: Record<string, OptionSpec<unknown>>): Command {
  for (const option of Object.values(specs)) command.addOption(option.create());
  return command;
}

const parseScore = (flag: string) => (value: string): number => {
  const score = Number(value);
  if (value.trim() === '' || !Number.isFinite(score) || score < 0 || score > 100) {
    throw new CliError(`${flag} must be a number from 0 to 100 (got "${value}")`);
  }
  return score;
};

function parseMaxAgeOption(text: string): MaxAge {
  const age = parseMaxAge(text);
  if (!age) throw new CliError(`--max-age must be ${MAX_AGE_HINT} (got "${text}")`);
  return age;
}

/** --redact's options as a command got them: --keep-names alone is a mistake, not a silent no-op. */
export function checkRedactFlags(options: { redact?: boolean; keepNames?: boolean }): void {
  if (options.keepNames && !options.redact) throw new CliError('--keep-names needs --redact');
}
