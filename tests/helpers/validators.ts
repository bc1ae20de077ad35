/** The real validators the reports are checked with: the Jenkins JUnit XSD, the SARIF schema and Multitool. */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';

const JUNIT_XSD = readFileSync(new URL('../fixtures/schemas/junit-10.xsd', import.meta.url), 'utf8');

/** Validates JUnit XML against junit-10.xsd; resolves to the list of errors (empty when valid). */
export async function junitErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: JUNIT_XSD }] });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

// ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
const addFormats = ajvFormats.default;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarifSchema = ajv.compile(JSON.parse(readFileSync(new URL('../fixtures/schemas/sarif-2.1.0.json', import.meta.url), 'utf8')) as object);

/** Errors of a SARIF log against the SARIF 2.1.0 JSON Schema (empty when valid). */
export function sarifSchemaErrors(text: string): string[] {
  const ok = validateSarifSchema(JSON.parse(text));
  return ok ? [] : (validateSarifSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

export interface MultitoolResult {
  ruleId: string;
  level?: string;
  message: { text?: string; arguments?: string[] };
}

/** Microsoft's SARIF Multitool (a self-contained .NET binary in the npm package for this platform). */
function multitool(): string {
  const binary = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  accessSync(binary, constants.X_OK);
  return binary;
}

/** Runs `sarif-multitool validate --rule-kind "Gh;Sarif"` and returns every result it reports. */
export function multitoolResults(text: string): MultitoolResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'breachready-sarif-'));
  const input = join(dir, 'report.sarif');
  const output = join(dir, 'validation.sarif');
  writeFileSync(input, text);
  const run = spawnSync(multitool(), ['validate', '--rule-kind', 'Gh;Sarif', '--output', output, input], {
    encoding: 'utf8',
    timeout: 120_000,
    // A self-contained .NET app: no telemetry, and no ICU needed for this.
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  if (run.error || run.status !== 0) throw new Error(`sarif-multitool failed: ${String(run.error ?? '')}\n${run.stdout}\n${run.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: { results?: MultitoolResult[] }[] };
  return log.runs.flatMap((r) => r.results ?? []);
}

/** Multitool's errors and warnings (notes are advice: message ids, snippets, help URIs...). */
export function multitoolProblems(text: string): string[] {
  return multitoolResults(text)
    .filter((r) => (r.level ?? 'warning') !== 'note')
    .map((r) => `${r.level ?? 'warning'} ${r.ruleId}: ${JSON.stringify(r.message)}`);
}

// The published JSON report schema is draft-07 (like the answers schema), which Ajv's default class reads.
const validateReportSchema = new Ajv({ allErrors: true, strict: true }).compile(
  JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object,
);

/** Errors of a JSON report against the published schema/report.schema.json (empty when valid). */
export function reportSchemaErrors(text: string): string[] {
  const ok = validateReportSchema(JSON.parse(text));
  return ok ? [] : (validateReportSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

// The OSCAL schemas are draft-07: the default Ajv class; strict off (as NIST's schemas need), formats checked.
const oscalAjv = new Ajv({ allErrors: true, strict: false });
addFormats(oscalAjv);
const oscalSchema = (file: string) => oscalAjv.compile(JSON.parse(readFileSync(new URL(`../fixtures/schemas/${file}`, import.meta.url), 'utf8')) as object);
// Compiled on first use (about half a second each): most tests that import this file need neither.
const OSCAL_FILES = { ar: 'oscal_assessment-results_schema.json', poam: 'oscal_poam_schema.json' } as const;
const oscalValidators = new Map<keyof typeof OSCAL_FILES, ReturnType<typeof oscalSchema>>();

/** Errors of an OSCAL 1.2.3 assessment-results (`ar`) or POA&M (`poam`) document against NIST's JSON Schema (empty when valid). */
export function oscalSchemaErrors(model: 'ar' | 'poam', document: unknown): string[] {
  if (!oscalValidators.has(model)) oscalValidators.set(model, oscalSchema(OSCAL_FILES[model]));
  const validate = oscalValidators.get(model)!;
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
