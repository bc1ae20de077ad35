/** Where the packaged answers schema is, as an answers file's editor hint should point at it. */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Path from the output file's directory to the packaged answers schema, for editors. */
export function schemaRef(target: string | undefined): string | undefined {
  // The package root is the nearest directory above this module with the schema (src/commands/ in
  // development, dist/ when bundled).
  let packaged: string | undefined;
  for (let dir = dirname(fileURLToPath(import.meta.url)); !packaged; dir = dirname(dir)) {
    const candidate = join(dir, 'schema', 'answers.schema.json');
    if (existsSync(candidate)) packaged = candidate;
    else if (dirname(dir) === dir) return undefined;
  }
  return relative(dirname(resolve(target ?? 'breachready-answers.yaml')), packaged) || undefined;
}
