/**
 * YAML input as a positioned source: read by the quick reader when the text is in its subset,
 * else by the full parser, whose module (and the yaml library) is loaded only then.
 */
import type { PositionedSource } from './source-position.js';
import { readPlainYaml } from './yaml-lite.js';

export async function readYamlSource(text: string, file: string): Promise<PositionedSource> {
  return readPlainYaml(text, file) ?? (await import('./yaml-source.js')).parseYaml(text, file);
}
