/** `breachready schema [checklist|answers]`: prints a JSON Schema (generated at build time). */
import answersSchema from '../../schema/answers.schema.json' with { type: 'json' };
import checklistSchema from '../../schema/checklist.schema.json' with { type: 'json' };
import reportSchema from '../../schema/report.schema.json' with { type: 'json' };
import { CliError } from '../errors.js';
import { write } from '../std-streams.js';

export function runSchema(kind: string): void {
  const schemas: Record<string, unknown> = { checklist: checklistSchema, answers: answersSchema, report: reportSchema };
  const schema = schemas[kind];
  if (!schema) throw new CliError(`unknown schema "${kind}": choose one of ${Object.keys(schemas).join(', ')}`);
  write('stdout', `${JSON.stringify(schema, null, 2)}\n`);
}
