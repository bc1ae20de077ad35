/**
 * Which checklists a command uses: `--checklist` specs (built-in ids, YAML files, directories),
 * else those an answers file lists, else every built-in one.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ProblemsError } from '../errors.js';
import { addAll } from '../problems.js';
import type { Problem } from '../problems.js';
import { didYouMean } from '../suggest.js';
import { quote } from '../text.js';
import { builtinChecklists } from './builtin.js';
import type { LoadedChecklist } from './load.js';
import type { Checklist } from './schema.js';

export interface ChecklistSpec {
  /** A built-in id, or a path to a YAML file or a directory of them. */
  spec: string;
  /** Paths are resolved against this directory. */
  baseDir: string;
  /** Where the spec was written, for problems about it; undefined = the command line. */
  at?: { file: string; line: number; col: number };
}

export interface Selection {
  checklists: LoadedChecklist[];
  problems: Problem[];
}

const LOOKS_LIKE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Resolves specs in order; duplicates of the same checklist are kept once. */
export async function selectChecklists(specs: readonly ChecklistSpec[]): Promise<Selection> {
  const builtins = builtinChecklists();
  if (specs.length === 0) {
    return { checklists: builtins.map((checklist) => ({ checklist, origin: `builtin:${checklist.id}` })), problems: [] };
  }
  const byId = new Map(builtins.map((c) => [c.id, c]));
  const checklists: LoadedChecklist[] = [];
  const problems: Problem[] = [];
  const seenOrigins = new Set<string>();
  const add = (loaded: LoadedChecklist) => {
    if (seenOrigins.has(loaded.origin)) return;
    seenOrigins.add(loaded.origin);
    checklists.push(loaded);
  };
  for (const { spec, baseDir, at } of specs) {
    const where = at ?? { file: '<command line>', line: 1, col: 1 };
    const builtin = byId.get(spec);
    if (builtin) {
      add({ checklist: builtin, origin: `builtin:${spec}` });
      continue;
    }
    const path = resolve(baseDir, spec);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      const message = LOOKS_LIKE_ID.test(spec)
        ? `unknown checklist ${quote(spec)}${didYouMean(spec, byId.keys())}: not a built-in id, nor a file (see \`breachready list\`)`
        : `checklist file not found: ${quote(spec)}`;
      problems.push({ ...where, message });
      continue;
    }
    const files = isDirectory ? yamlFilesIn(path) : [path];
    if (isDirectory && files.length === 0) problems.push({ ...where, message: `no .yaml or .yml files in directory ${spec}` });
    for (const file of files) {
      // The YAML loader (yaml + zod) is only imported when a file is actually named.
      const { loadChecklistFile } = await import('./load.js');
      const result = await loadChecklistFile(displayPath(file));
      if (result.checklist) add({ checklist: result.checklist, origin: displayPath(file), idAt: result.idAt });
      else addAll(problems, result.problems);
    }
  }
  addAll(problems, checkUniqueChecklistIds(checklists, byId));
  return { checklists, problems };
}

/** Loads `--checklist` specs (resolved against the working directory), else those given, else every built-in one. */
export async function loadSelection(specs: readonly string[], fromAnswers: readonly ChecklistSpec[] = []): Promise<LoadedChecklist[]> {
  const cwd = process.cwd();
  const chosen = specs.length ? specs.map((spec) => ({ spec, baseDir: cwd })) : fromAnswers;
  const { checklists, problems } = await selectChecklists(chosen);
  if (problems.length) throw new ProblemsError(problems);
  return checklists;
}

/**
 * Checklist ids must be unique, and a custom checklist may not take a built-in id (a file whose
 * content is exactly that built-in checklist, like the project's own checklists/, is no clash).
 */
export function checkUniqueChecklistIds(loaded: readonly LoadedChecklist[], builtins: ReadonlyMap<string, Checklist>): Problem[] {
  const problems: Problem[] = [];
  const firstOrigin = new Map<string, string>();
  for (const { checklist, origin, idAt } of loaded) {
    const custom = !origin.startsWith('builtin:');
    const at = { file: origin, line: 1, col: 1, ...idAt };
    const builtin = builtins.get(checklist.id);
    if (custom && builtin && JSON.stringify(builtin) !== JSON.stringify(checklist)) {
      problems.push({ ...at, message: `checklist id "${checklist.id}" is a built-in id: give your checklist its own id` });
      continue;
    }
    const first = firstOrigin.get(checklist.id);
    if (first !== undefined) problems.push({ ...at, message: `duplicate checklist id "${checklist.id}" (also in ${first})` });
    else firstOrigin.set(checklist.id, origin);
  }
  return problems;
}

export function yamlFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Paths in messages are relative to the working directory when they lie below it. */
export function displayPath(path: string): string {
  const cwd = process.cwd();
  return path.startsWith(cwd + '/') ? path.slice(cwd.length + 1) : path;
}
