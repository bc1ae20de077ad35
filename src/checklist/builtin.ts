/**
 * The built-in checklists, compiled at build time (scripts/build.mjs): validated once there,
 * shipped as JSON, so no YAML parsing or schema work happens at run time.
 */
import type { Checklist } from './schema.js';
import builtinData from 'breachready:builtin-checklists';

/** Built-in checklists in their display order. */
export function builtinChecklists(): readonly Checklist[] {
  return builtinData as readonly Checklist[];
}
