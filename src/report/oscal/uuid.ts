/**
 * Name-based UUIDs, version 5 (RFC 9562, section 5.5): the SHA-1 of a namespace UUID and a name.
 * The same name always gives the same UUID, which is what lets an OSCAL export keep its ids.
 */
import crypto from 'node:crypto';

/** The namespaces RFC 9562 defines (Appendix A.2). */
export const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
export const NAMESPACE_OID = '6ba7b812-9dad-11d1-80b4-00c04fd430c8';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The one-shot hash (Node 20.12 and later) is about twice as fast as a Hash object: an export makes tens of thousands.
const sha1: (data: Buffer) => Buffer =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha1', data, 'buffer') : (data) => crypto.createHash('sha1').update(data).digest();

/** The version 5 UUID of `name` (UTF-8) in `namespace`, in lower case. */
export function uuidV5(namespace: string, name: string): string {
  return uuidV5In(namespace)(name);
}

/** The version 5 UUIDs of names in one namespace (its bytes read once: an export makes many). */
export function uuidV5In(namespace: string): (name: string) => string {
  if (!UUID.test(namespace)) throw new Error(`not a UUID: ${namespace}`);
  const prefix = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  return (name) => {
    const bytes = sha1(Buffer.concat([prefix, Buffer.from(name, 'utf8')]));
    bytes[6] = (bytes[6]! & 0x0f) | 0x50;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.toString('hex', 0, 16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
