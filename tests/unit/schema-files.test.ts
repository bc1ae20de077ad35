import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answersJsonSchema, checklistJsonSchema, reportJsonSchema } from '../../src/schemas.js';

// The checked-in JSON Schemas must match the zod schemas. `npm run schema:update` rewrites them.
const files = { 'schema/checklist.schema.json': checklistJsonSchema, 'schema/answers.schema.json': answersJsonSchema, 'schema/report.schema.json': reportJsonSchema };

describe('generated JSON Schema files', () => {
  for (const [file, generate] of Object.entries(files)) {
    it(`${file} is up to date`, () => {
      const expected = `${JSON.stringify(generate(), null, 2)}\n`;
      if (process.env.UPDATE_SCHEMAS) writeFileSync(file, expected);
      expect(readFileSync(file, 'utf8'), 'run `npm run schema:update`').toBe(expected);
    });
  }
});
