/**
 * The rules of an OSCAL document that its JSON Schema cannot check (NIST checks them with the
 * metaschema constraints): every UUID defined once, every reference to a UUID, role or `#uuid`
 * resource pointing at something the document defines.
 */

type Node = unknown;

function walk(node: Node, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      visit(key, value);
      walk(value, visit);
    }
  }
}

/** Every problem of the references in a document (empty when they all resolve). */
export function referenceProblems(document: Node): string[] {
  const defined = new Map<string, number>();
  const roles = new Set<string>();
  const references: { what: string; uuid: string }[] = [];
  const roleReferences: string[] = [];
  walk(document, (key, value) => {
    if (key === 'uuid' && typeof value === 'string') defined.set(value, (defined.get(value) ?? 0) + 1);
    else if (key === 'roles' && Array.isArray(value)) for (const role of value as { id: string }[]) roles.add(role.id);
    else if (key.endsWith('-uuid') && typeof value === 'string') references.push({ what: key, uuid: value });
    else if (key === 'party-uuids' && Array.isArray(value)) for (const uuid of value as string[]) references.push({ what: key, uuid });
    else if (key === 'href' && typeof value === 'string' && value.startsWith('#')) references.push({ what: 'href', uuid: value.slice(1) });
    else if (key === 'role-id' && typeof value === 'string') roleReferences.push(value);
  });
  const problems: string[] = [];
  for (const [uuid, count] of defined) if (count > 1) problems.push(`uuid ${uuid} defined ${count} times`);
  for (const { what, uuid } of references) if (!defined.has(uuid)) problems.push(`${what} ${uuid} points at nothing`);
  for (const role of roleReferences) if (!roles.has(role)) problems.push(`role-id ${role} is not a role of the metadata`);
  return problems;
}

/** Every string of a document, with its JSON path, for the text checks. */
export function strings(document: Node, path = ''): { path: string; value: string }[] {
  if (typeof document === 'string') return [{ path, value: document }];
  if (Array.isArray(document)) return document.flatMap((item, index) => strings(item, `${path}/${index}`));
  if (document && typeof document === 'object') return Object.entries(document).flatMap(([key, value]) => strings(value, `${path}/${key}`));
  return [];
}
