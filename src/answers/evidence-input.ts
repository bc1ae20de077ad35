/**
 * Turns what a person gives as evidence (on the command line or at the interview's prompt) into an
 * evidence item: an http(s) address becomes an `href`; anything else is a file inside the answers
 * file's folder, recorded with its SHA-256 and the date it was collected. Every refusal is one
 * CliError line (exit 2), and nothing is written here.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CliError } from '../errors.js';
import { checkContext, checkFile } from '../evidence/check.js';
import { quote } from '../text.js';
import { answersDir } from './file.js';
import type { EvidenceItem } from './model.js';
import { isWebAddress } from './schema.js';

export interface EvidenceInputContext {
  /** The answers file the evidence is for: a file path is relative to its folder. */
  answersFile: string;
  /** The date the evidence is collected on (today, or --as-of). */
  asOf: string;
  /** When the evidence stops counting (YYYY-MM-DD, already checked as a date). */
  expires?: string;
}

/** Something like `scheme://`: meant as a link, never as a file name. */
const LINK_LIKE = /^[a-z][a-z\d+.-]*:\/\//i;

/** The evidence item for `input`, or a CliError saying in one line why it cannot be one. */
export async function evidenceFromInput(input: string, context: EvidenceInputContext): Promise<EvidenceItem> {
  const text = unquoted(input.trim());
  if (!text) throw new CliError('no evidence given: name a file or an http(s) link');
  if (context.expires !== undefined && context.expires < context.asOf) {
    throw new CliError(`--expires ${context.expires} is before ${context.asOf}: the evidence would already be expired`);
  }
  const expires = context.expires === undefined ? {} : { expires: context.expires };
  if (LINK_LIKE.test(text)) {
    if (!isWebAddress(text)) throw new CliError(`evidence links must be http or https addresses: ${quote(text)}`);
    return { href: text, ...expires };
  }
  const path = evidenceFile(text, answersDir(context.answersFile));
  return { path: path.relative, sha256: path.sha256, collected: context.asOf, ...expires };
}

/**
 * A file named relative to the answers file's folder (or absolute, inside it): refused when it
 * leaves the folder, by its name or through a symlink, is missing, or is not a regular file.
 */
function evidenceFile(text: string, folder: string): { relative: string; sha256: string } {
  const absolute = resolve(folder, text);
  const outside = `evidence must be a file inside the answers file's folder (${folder}): ${quote(text)}`;
  if (!inside(folder, absolute)) throw new CliError(outside);
  let stat;
  try {
    stat = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError(`evidence file not found: ${quote(text)} (a path is relative to the answers file's folder, ${folder})`);
    throw new CliError(`cannot read evidence file ${quote(text)}: ${code ?? String(error)}`);
  }
  if (stat.isDirectory()) throw new CliError(`evidence must be a file, not a directory: ${quote(text)}`);
  if (!stat.isFile()) throw new CliError(`evidence must be a regular file: ${quote(text)}`);
  // Hashed as the report will check it: a symlink (the file's or a folder's on the way) that leads
  // out of the folder is refused the same way.
  const path = relative(folder, absolute).split(sep).join('/');
  const check = checkFile(checkContext(folder), path);
  if (check.status === 'refused') throw new CliError(`evidence file leads outside the answers file's folder through a symlink: ${quote(text)}`);
  if (check.status === 'missing') throw new CliError(`evidence file not found: ${quote(text)}`);
  return { relative: path, sha256: check.sha256 };
}

/** Whether `path` is below `folder` (not the folder itself). */
function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/** A path dragged into a terminal arrives quoted when it has spaces: the quotes are not part of it. */
function unquoted(text: string): string {
  const match = /^(['"])(.*)\1$/s.exec(text);
  return match ? match[2]! : text;
}
