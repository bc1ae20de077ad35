/** JSON Schemas generated from the zod schemas, for editors (yaml-language-server) and tools. */
import { z } from 'zod';
import { answersFileSchema } from './answers/schema.js';
import { checklistSchema } from './checklist/schema.js';
import { reportSchema } from './report/json-schema.js';

const SCHEMA_BASE = 'https://breachready.dev/schema';

/** The JSON Schema of checklist files, as people write them (zod input types). */
export function checklistJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(checklistSchema, { io: 'input', target: 'draft-7' }),
    $id: `${SCHEMA_BASE}/checklist.schema.json`,
    title: 'breachready checklist',
  };
}

/** The JSON Schema of answers files. */
export function answersJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(answersFileSchema, { io: 'input', target: 'draft-7' }),
    $id: `${SCHEMA_BASE}/answers.schema.json`,
    title: 'breachready answers file',
  };
}

/** The JSON Schema of the JSON report (`report --format json`), as the report writes it (zod output types). */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(reportSchema, { io: 'output', target: 'draft-7' }),
    $id: `${SCHEMA_BASE}/report.schema.json`,
    title: 'breachready JSON report',
  };
}
