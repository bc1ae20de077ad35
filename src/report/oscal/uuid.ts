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
const sha1Hex: (data: Uint8Array) => string =
  typeof crypto.hash === 'function' ? (data) => crypto.hash('sha1', data, 'hex') : (data) => crypto.createHash('sha1').update(data).digest('hex');

/** The variant bits (10xx) set in a hex digit of the hash: the top two bits of byte 8. */
const VARIANT_DIGIT: Readonly<Record<string, string>> = Object.fromEntries([...'0123456789abcdef'].map((d) => [d, ((parseInt(d, 16) & 0x3) | 0x8).toString(16)]));

/** The version 5 UUID of `name` (UTF-8) in `namespace`, in lower case. */
export function uuidV5(namespace: string, name: string): string {
  return uuidV5In(namespace)(name);
}

/** The version 5 UUIDs of names in one namespace (its bytes read once, and one buffer reused: an export makes many). */
export function uuidV5In(namespace: string): (name: string) => string {
  if (!UUID.test(namespace)) throw new Error(`not a UUID: ${namespace}`);
  let input = Buffer.alloc(256);
  const prefixLength = input.write(namespace.replace(/-/g, ''), 'hex');
  return (name) => {
    const length = prefixLength + Buffer.byteLength(name, 'utf8');
    if (length > input.length) input = Buffer.concat([input.subarray(0, prefixLength)], length * 2);
    input.write(name, prefixLength, 'utf8');
    const hex = sha1Hex(input.subarray(0, length));
    // Version 5 in the high nibble of byte 6 (hex digit 12), the variant in byte 8 (hex digit 16).
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${VARIANT_DIGIT[hex[16]!]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}
