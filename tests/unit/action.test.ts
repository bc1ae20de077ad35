/**
 * action.yml against GitHub's action metadata rules (as documented for composite actions), and
 * against the script its step runs: the same inputs and outputs, and no input spliced into shell code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
// @ts-expect-error: a plain ES module script, without types
import { envName, INPUT_NAMES, outputLines, OUTPUT_NAMES, readInputs, reportArgs, reportFile } from '../../scripts/action.mjs';

interface Step {
  id?: string;
  name?: string;
  run?: string;
  shell?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  author?: string;
  branding?: { icon?: string; color?: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const script = readFileSync(join(ROOT, 'scripts/action.mjs'), 'utf8');
const SHELLS = ['bash', 'pwsh', 'python', 'sh', 'cmd', 'powershell'];
const BRANDING_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];
const EXPRESSION = /\$\{\{/;

describe('action.yml follows the action metadata rules', () => {
  it('has the required keys: name, description, runs.using composite with steps', () => {
    expect(Object.keys(action)).toEqual(expect.arrayContaining(['name', 'description', 'runs']));
    for (const key of Object.keys(action)) expect(['name', 'description', 'author', 'branding', 'inputs', 'outputs', 'runs']).toContain(key);
    expect(action.name).toMatch(/\S/);
    expect(action.description).toMatch(/\S/);
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.length).toBeGreaterThan(0);
  });

  it('gives every run step a shell, and splices no expression into any command', () => {
    const ids = new Set<string>();
    for (const step of action.runs.steps) {
      expect(Boolean(step.run) !== Boolean(step.uses), JSON.stringify(step)).toBe(true);
      if (step.run !== undefined) {
        expect(SHELLS).toContain(step.shell);
        // Inputs reach commands only through env: a `${{ }}` in code is script injection.
        expect(step.run).not.toMatch(EXPRESSION);
      }
      if (step.id !== undefined) {
        expect(step.id).toMatch(/^[A-Za-z_][\w-]*$/);
        expect(ids.has(step.id)).toBe(false);
        ids.add(step.id);
      }
    }
  });

  it('declares each input with a description and a string default, named as GitHub allows', () => {
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(name).toMatch(/^[A-Za-z_][\w-]*$/);
      expect(spec.description).toMatch(/\S/);
      if (spec.default !== undefined) expect(typeof spec.default).toBe('string');
    }
    expect(action.inputs.answers!.default).toBe('breachready-answers.yaml');
  });

  it('has optional branding with an icon and one of the allowed colours', () => {
    if (action.branding === undefined) return;
    expect(action.branding.icon).toMatch(/^[a-z-]+$/);
    expect(BRANDING_COLORS).toContain(action.branding.color);
  });
});

describe('action.yml and scripts/action.mjs agree', () => {
  const reportStep = action.runs.steps.find((s) => s.run?.includes('scripts/action.mjs'))!;
  const stepIds = new Set(action.runs.steps.map((s) => s.id));

  it('passes every input, and only inputs, to the script through its INPUT_* variable', () => {
    expect(Object.keys(action.inputs)).toEqual(INPUT_NAMES);
    expect(reportStep.env).toEqual(Object.fromEntries(INPUT_NAMES.map((name: string) => [envName(name), `\${{ inputs.${name} }}`])));
    // The names the script reads are the ones it declares.
    const read = new Set([...script.matchAll(/\b(?:input|flag|list)\(env, '([\w-]+)'\)/g)].map((m) => m[1]));
    expect([...read].sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('maps each output to an output the report step writes', () => {
    expect(Object.keys(action.outputs)).toEqual(OUTPUT_NAMES);
    for (const [name, spec] of Object.entries(action.outputs)) {
      expect(spec.description).toMatch(/\S/);
      const [, id, output] = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(spec.value) ?? [];
      expect(stepIds.has(id)).toBe(true);
      expect(id).toBe(reportStep.id);
      expect(output).toBe(name);
    }
  });

  it('builds the CLI in the action directory only when it is not built yet', () => {
    const build = action.runs.steps[0]!;
    expect(build.run).toContain('if [ -f "$GITHUB_ACTION_PATH/dist/cli.cjs" ]');
    expect(build.run).toMatch(/npm ci --ignore-scripts[^\n]*\n\s*npm run build/);
    expect(build.run).not.toMatch(/npx|npm install|breachready@/);
  });
});

describe('scripts/action.mjs', () => {
  const read = (inputs: Record<string, string>) => readInputs(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [envName(k), v])));
  const paths = { summary: 's.summary.md', json: 't/r.json', files: ['out/readiness.sarif'] };

  it('turns the inputs into report options, lists split on commas, spaces or new lines', () => {
    const inputs = read({ checklists: 'backups, social-media\nprivileged-access', level: '2', 'fail-on': 'high', 'min-score': '70', 'require-complete': 'true', 'as-of': '2026-11-22', formats: 'sarif,html,summary,sarif' });
    expect(inputs.formats).toEqual(['sarif', 'html']);
    expect(reportArgs(inputs, paths)).toEqual([
      'report', '--answers', 'breachready-answers.yaml',
      '--checklist', 'backups', '--checklist', 'social-media', '--checklist', 'privileged-access',
      '--level', '2', '--as-of', '2026-11-22', '--fail-on', 'high', '--min-score', '70', '--require-complete',
      '-o', 's.summary.md', '-o', 't/r.json', '-o', 'out/readiness.sarif',
    ]);
  });

  it('asks for the ratchet only with a baseline, and rejects a flag that is not true or false', () => {
    const inputs = read({ answers: 'a.yaml', 'fail-on-regression': 'TRUE' });
    expect(reportArgs(inputs, paths)).not.toContain('--fail-on-regression');
    expect(reportArgs(inputs, { ...paths, baseline: 'b.yaml' })).toEqual(expect.arrayContaining(['--answers', 'a.yaml', '--baseline', 'b.yaml', '--fail-on-regression']));
    expect(() => read({ 'require-complete': 'yes' })).toThrow('input require-complete must be true or false, not "yes"');
  });

  it('writes multi-line outputs between delimiters', () => {
    const text = outputLines({ score: 61.3, reports: 'a\nb' });
    expect(text).toMatch(/^score=61\.3\nreports<<(EOF_[0-9a-f]{16})\na\nb\n\1\n$/);
  });
});

describe('docs/ci.md on the action', () => {
  const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
  const cell = (text: string | undefined) => (text ? `\`${text}\`` : '');

  it("lists the action's inputs and outputs as action.yml declares them", () => {
    const inputs = Object.entries(action.inputs).map(([name, i]) => `| \`${name}\` | ${cell(i.default)} | ${i.description} |`);
    expect(doc).toContain(['| input | default | what it does |', '| --- | --- | --- |', ...inputs].join('\n'));
    const outputs = Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${o.description} |`);
    expect(doc).toContain(['| output | what it holds |', '| --- | --- |', ...outputs].join('\n'));
  });

  it('has a workflow that uses the action with its inputs, and uploads the SARIF and HTML reports it writes', () => {
    const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)\n```/g)].map((m) => m[1]!).filter((b) => b.includes('uses: breachready/breachready@'));
    expect(blocks).toHaveLength(1);
    const workflow = parse(blocks[0]!) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const uses = steps.find((s) => s.uses?.startsWith('breachready/breachready@'))!;
    for (const name of Object.keys(uses.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
    const formats = uses.with!.formats!.split(',');
    const dir = action.inputs['reports-dir']!.default;
    const sarif = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(sarif.with!.sarif_file).toBe(`${dir}/${reportFile('sarif')}`);
    const artifact = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(artifact.with!.path).toBe(`${dir}/${reportFile('html')}`);
    expect(formats).toEqual(expect.arrayContaining(['sarif', 'html']));
    expect(doc).toContain(`--body-file ${dir}/${reportFile('summary')}`);
  });
});

