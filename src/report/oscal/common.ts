/**
 * What the OSCAL assessment results and the POA&M share: the breachready namespace, stable ids,
 * OSCAL tokens, date-times and the text rules of OSCAL's datatypes (see docs/oscal.md).
 */
import type { Framework, Refs } from '../../checklist/schema.js';
import { escapeMarkdown, escapeMarkdownCell, stripForMachines } from '../../text.js';
import { NAMESPACE_URL, uuidV5, uuidV5In } from './uuid.js';

export const OSCAL_VERSION = '1.2.3';
/**
 * Our namespace for props and facets (an absolute URI, as OSCAL asks), under the project's own
 * GitHub Pages domain and short, as it is repeated on every prop; docs/oscal.md defines the names in it.
 */
export const BREACHREADY_NS = 'https://breachready.github.io/ns/oscal';
/** The root of every breachready id: the version 5 UUID of the namespace URI. */
const ROOT_NAMESPACE = uuidV5(NAMESPACE_URL, BREACHREADY_NS);

/** The kinds of element an id is made for: with the organisation and the question, they name it. */
export type IdKind =
  | 'assessment-results'
  | 'result'
  | 'poam'
  | 'system'
  | 'interview'
  | 'assessor'
  | 'tool'
  | 'observation'
  | 'finding'
  | 'risk'
  | 'remediation'
  | 'milestone'
  | 'poam-item'
  | 'evidence';

/**
 * Ids derived from the organisation, the element kind and the question id (and, for evidence, its
 * place in the list): the same answers give the same ids, and a later assessment of the same
 * organisation keeps the ids of the same questions' findings, risks and POA&M items.
 */
export function oscalIds(organization: string | undefined): (kind: IdKind, questionId?: string, index?: number) => string {
  const inOrganization = uuidV5In(uuidV5(ROOT_NAMESPACE, organization ?? ''));
  return (kind, questionId = '', index) => inOrganization(index === undefined ? `${kind}:${questionId}` : `${kind}:${questionId}#${index}`);
}

/** A date as an OSCAL date-time with zone: the start of the day in UTC. */
export const startOfDay = (date: string): string => `${date}T00:00:00Z`;
/** A date as an OSCAL date-time with zone: the last second of the day in UTC (deadlines, expiry). */
export const endOfDay = (date: string): string => `${date}T23:59:59Z`;

const tokens = new Map<string, string>();

/** An SP 800-53 id as the NIST catalog writes it: `AC-2(1)` -> `ac-2.1` (remembered: a few hundred ids recur). */
export function controlToken(id: string): string {
  let token = tokens.get(id);
  if (token === undefined) tokens.set(id, (token = id.toLowerCase().replace(/\((\d+)\)/, '.$1')));
  return token;
}

/** Catalog order for 800-53 tokens: family, then control number, then enhancement (`ac-2` < `ac-2.1` < `ac-10`). */
export function compareControlTokens(a: string, b: string): number {
  const parts = (token: string) => {
    const [, family = '', control = '0', enhancement = '-1'] = /^([a-z]+)-(\d+)(?:\.(\d+))?$/.exec(token) ?? [];
    return [family, Number(control), Number(enhancement)] as const;
  };
  const [fa, ca, ea] = parts(a);
  const [fb, cb, eb] = parts(b);
  return fa < fb ? -1 : fa > fb ? 1 : ca - cb || ea - eb;
}

/** A global question id as an OSCAL token (`social-media/mfa` -> `social-media.mfa`; a leading digit gets `_`). */
export function questionToken(globalId: string): string {
  const token = globalId.replace(/\//g, '.');
  return /^\p{L}/u.test(token) ? token : `_${token}`;
}

// Anything but printable ASCII with single inner spaces: text without it has nothing to strip or fold (most text).
const NOT_CLEAN_LINE = /[^ -~]|^ | $| {2}|^$/;
/** stripForMachines, skipped for text that cannot need it. */
const machineText = (text: string): string => (NOT_CLEAN_LINE.test(text) ? stripForMachines(text) : text);

/** Untrusted text as an OSCAL string: one line, control characters gone, trimmed (may be empty). */
export function plain(text: string): string {
  return NOT_CLEAN_LINE.test(text) ? stripForMachines(text).replace(/\s+/g, ' ').trim() : text;
}

/** Untrusted text as OSCAL markup-line (Markdown on one line), or `fallback` when nothing is left. */
export function markupLine(text: string, fallback: string): string {
  return escapeMarkdownCell(machineText(text)) || fallback;
}

/** Untrusted text as OSCAL markup-multiline (Markdown), or `fallback` when nothing is left. */
export function markupMultiline(text: string, fallback: string): string {
  return escapeMarkdown(machineText(text)) || fallback;
}

export interface Prop {
  name: string;
  ns: string;
  value: string;
}

/** Our props, each an OSCAL string; a value with nothing left after cleaning is left out (OSCAL wants none empty). */
export function props(entries: readonly (readonly [name: string, value: string | number | undefined])[]): Prop[] {
  const list: Prop[] = [];
  for (const [name, value] of entries) {
    const text = value === undefined ? '' : plain(String(value));
    if (text) list.push({ name, ns: BREACHREADY_NS, value: text });
  }
  return list;
}

/** A question's framework references as props: the framework key as name, 800-53 ids as OSCAL tokens. */
export function refProps(refs: Refs): [string, string][] {
  return (Object.entries(refs) as [Framework, string[] | undefined][]).flatMap(([framework, ids]) =>
    (ids ?? []).map((id): [string, string] => [framework, framework === 'nist-800-53' ? controlToken(id) : id]),
  );
}

/** Percent-encodes (UTF-8) every character RFC 3986 allows nowhere in a path or query, and a `%` that starts no escape. */
function encodeDisallowed(text: string): string {
  return text.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu, (c) => (c === '%' ? '%25' : encodeURIComponent(c)));
}

/**
 * An http(s) address as a valid URI reference: scheme and host as the URL parser has them, the
 * rest percent-encoded where RFC 3986 wants it (a second `#` included); credentials are left out.
 */
export function webReference(href: string): string {
  const text = stripForMachines(href).trim();
  if (!URL.canParse(text)) return encodeDisallowed(text.replace(/#/g, '%23'));
  const url = new URL(text);
  const fragment = url.hash ? `#${encodeDisallowed(url.hash.slice(1).replace(/#/g, '%23'))}` : '';
  return `${url.protocol}//${url.host}${encodeDisallowed(url.pathname + url.search)}${fragment}`;
}

/** A relative file path as a URI reference: `/` or `\\` separate segments, each percent-encoded. */
export function pathReference(path: string): string {
  return stripForMachines(path)
    .trim()
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** An empty list becomes absent: OSCAL arrays need at least one item. */
export function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length ? list : undefined;
}
