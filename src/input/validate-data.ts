/** Turns zod issues into located problems, so schema errors read `file:line:col: message`. */
import type { z } from 'zod';
import type { Problem } from '../problems.js';
import { didYouMean } from '../suggest.js';
import { quote } from '../text.js';
import { locate, locateKey } from './source-position.js';
import type { PathSegment, PositionedSource } from './source-position.js';

/** Maps each zod issue to a problem at the node it concerns (or the nearest one that exists). */
export function issuesToProblems(
  source: PositionedSource,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: (path: readonly PathSegment[]) => readonly string[] = () => [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues.flatMap(unwrapUnion)) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const where = locateKey(source, [...path, key]);
        const hint = didYouMean(key, knownKeys(path));
        problems.push({ file: source.file, ...where, message: `unknown field ${quote(key)}${hint}` });
      }
      continue;
    }
    const present = hasPath(source.data, path);
    const where = present ? locate(source, path) : locate(source, path.slice(0, -1));
    const field = path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') : 'document';
    const message = present
      ? `${field}: ${issue.message}`
      : `missing field "${String(path[path.length - 1])}"${path.length > 1 ? ` in ${field.replace(/\.[^.[]+$/, '')}` : ''}`;
    problems.push({ file: source.file, ...where, message });
  }
  return problems;
}

function hasPath(data: unknown, path: readonly PathSegment[]): boolean {
  let node: unknown = data;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return false;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return true;
}

/**
 * A failed union says only "Invalid input". Report instead the issues of the branch that matches
 * the value's kind: one that did not reject the value itself at its root (wrong type or value).
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const rejectsRoot = (branch: z.core.$ZodIssue[], code: string) => branch.some((i) => i.path.length === 0 && i.code === code);
  const branch =
    issue.errors.find((b) => !rejectsRoot(b, 'invalid_type') && !rejectsRoot(b, 'invalid_value')) ??
    issue.errors.find((b) => !rejectsRoot(b, 'invalid_type')) ??
    issue.errors[0]!;
  return branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as z.core.$ZodIssue).flatMap(unwrapUnion);
}
