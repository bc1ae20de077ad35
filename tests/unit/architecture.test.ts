/**
 * The CLI is assembled from its registries: formats, CI sinks and commands. These tests tie the
 * declarations to what the program and the README show, so one entry is all a new one needs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, COMMAND_NAMES } from '../../src/cli/commands.js';
import { COMPARISON_FORMAT_NAMES, FORMAT_NAMES, formatForFile, formatRows, knownExtensions } from '../../src/report/formats.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** A program with every command declared, as help declares them. */
function declaredProgram(): Command {
  const program = new Command('breachready');
  for (const command of COMMANDS) command.declare(program, { globals: () => ({ color: undefined }), names: COMMAND_NAMES });
  return program;
}

const choicesOf = (program: Command, command: string, long: string) =>
  program.commands.find((c) => c.name() === command)!.options.find((o) => o.long === long)!.argChoices;

describe('the format registry drives the CLI', () => {
  it('report --format offers every format, diff --format every format with a comparison renderer', () => {
    const program = declaredProgram();
    expect(choicesOf(program, 'report', '--format')).toEqual(FORMAT_NAMES);
    expect(choicesOf(program, 'diff', '--format')).toEqual(COMPARISON_FORMAT_NAMES);
    expect(COMPARISON_FORMAT_NAMES).toEqual(['text', 'markdown', 'json']);
  });

  it("report's -o help names every extension, and each extension finds its format", () => {
    const output = declaredProgram().commands.find((c) => c.name() === 'report')!.options.find((o) => o.long === '--output')!;
    for (const ext of knownExtensions()) {
      expect(output.description).toContain(` ${ext} `);
      expect(formatForFile(`report${ext.toUpperCase()}`)).toBeDefined();
    }
    expect(formatForFile('results.sarif.json')).toBe('sarif');
    expect(formatForFile('results.oscal-ar.json')).toBe('oscal-ar');
    expect(formatForFile('PLAN.OSCAL-POAM.JSON')).toBe('oscal-poam');
    expect(formatForFile('plan.csv')).toBe('csv');
    expect(formatForFile('all.answers.csv')).toBe('answers-csv');
    expect(formatForFile('results.json')).toBe('json');
    expect(formatForFile('results.yaml')).toBeUndefined();
  });

  it("the README's table of formats is the registry's", () => {
    const rows = formatRows().map((r) => `| \`${r.name}\` | ${r.extensions.split(' ').map((e) => `\`${e}\``).join(' ')} | ${r.help} |`);
    const comparison = `${COMPARISON_FORMAT_NAMES.slice(0, -1).join(', ')} and ${COMPARISON_FORMAT_NAMES.at(-1)}`;
    const intro = `The report formats (\`report -f FORMAT\`, or \`-o FILE\` by its extension; \`diff -f\` takes ${comparison}):`;
    const table = [intro, '', '| format | `-o` extensions | for |', '| --- | --- | --- |', ...rows].join('\n');
    expect(read('README.md')).toContain(`\n${table}\n\n`);
  });
});

describe('commands declare themselves', () => {
  it('every command module under src/commands is declared, under its own name, in help order', () => {
    const modules = readdirSync(join(ROOT, 'src/commands'))
      .filter((f) => f.endsWith('.ts') && !/-(run|options)\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect([...COMMAND_NAMES].sort()).toEqual(modules.sort());
    expect(declaredProgram().commands.map((c) => c.name())).toEqual(COMMAND_NAMES);
  });

  it("each command's option values are named as its OPTIONS keys, from which their types come", () => {
    const program = declaredProgram();
    for (const module of COMMANDS) {
      const declared = program.commands.find((c) => c.name() === module.name)!.options.map((o) => o.attributeName());
      expect(declared, module.name).toEqual(Object.keys(module.OPTIONS ?? {}));
    }
  });

  it('only the CLI entry exits the process (std-streams, which stops quietly on EPIPE, and the build step aside)', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const exiting = files.filter((f) => /process\.exit\(/.test(read(join('src', f))));
    expect(exiting.sort()).toEqual(['checklist/compile.ts', 'cli.ts', 'std-streams.ts']);
  });

  it('the CLI entry names no exit code outside EXIT', () => {
    expect(read('src/cli.ts')).not.toMatch(/return \d+;/);
  });
});
