/** `breachready template`: writes an answers file to fill in by hand. */
import { HIGHEST_LEVEL } from '../checklist/vocabulary.js';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { schemaRef } from '../answers/schema-ref.js';
import { renderTemplate } from '../answers/template.js';
import { buildCatalog } from '../catalog.js';
import { CliError } from '../errors.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { loadSelection } from '../checklist/select.js';
import { write } from '../std-streams.js';
import type { TemplateOptions } from './template-options.js';

export async function runTemplate(options: TemplateOptions): Promise<void> {
  const loaded = await loadSelection(options.checklist ?? []);
  const level = options.level ?? HIGHEST_LEVEL;
  const target = options.output;
  if (target && existsSync(target) && !options.force) {
    throw new CliError(`${target} already exists: not overwriting an answers file (use --force to replace it)`);
  }
  const text = renderTemplate(buildCatalog(loaded.map((l) => l.checklist)), {
    level,
    checklistSpecs: options.checklist?.map((spec) => rebase(spec, target)),
    schemaRef: schemaRef(target),
  });
  if (target) {
    writeFileAtomic(target, text);
    write('stderr', `wrote ${target}: fill it in, then run breachready report --answers ${target}\n`);
  } else write('stdout', text);
}

/** Paths in `checklists:` are relative to the answers file, so rebase the ones given on the command line. */
function rebase(spec: string, target: string | undefined): string {
  if (!target || !existsSync(spec)) return spec;
  const path = relative(dirname(resolve(target)), resolve(spec));
  return path.startsWith('.') ? path : `./${path}`;
}
