/**
 * The built-in checklists, compiled at build time (scripts/build.mjs): validated once there,
 * shipped as JSON, so no YAML parsing or schema work happens at run time.
 */
import type { Checklist } from './schema.js';
import loadBuiltinData from 'breachready:builtin-checklists';

/** Built-in checklists in their display order (read on first use: a command may not need them). */
export function builtinChecklists(): readonly Checklist[] {
  return loadBuiltinData() as readonly Checklist[];
}
