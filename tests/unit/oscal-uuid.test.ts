import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAMESPACE_DNS, NAMESPACE_OID, NAMESPACE_URL, uuidV5, uuidV5In } from '../../src/report/oscal/uuid.js';
import { runs } from '../helpers/fuzz.js';

/** RFC 9562's construction step by step: SHA-1 of the namespace's bytes and the name's, version and variant set. */
function reference(namespace: string, name: string): string {
  const bytes = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('uuidV5() (RFC 9562 version 5)', () => {
  it('gives the published and reference vectors', () => {
    // RFC 9562, Appendix A.4.
    expect(uuidV5(NAMESPACE_DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    // Python's uuid.uuid5, an independent implementation.
    expect(uuidV5(NAMESPACE_DNS, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5(NAMESPACE_URL, 'https://example.org/ü')).toBe('4e935be2-141c-5c1c-ab16-33f53ec57da4');
    expect(uuidV5(NAMESPACE_OID, '')).toBe('0a68eb57-c88a-5f34-9e9d-27f85e68af4f');
  });

  it('sets the version and variant bits the OSCAL UUID pattern checks', () => {
    for (const name of ['', 'a', 'org\nq', '\u{1F600}']) {
      expect(uuidV5(NAMESPACE_URL, name)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('gives the RFC construction for any name, short or long, one after the other in one namespace', () => {
    const inUrl = uuidV5In(NAMESPACE_URL);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ minLength: 200, maxLength: 900, unit: 'binary' })), { minLength: 1, maxLength: 6 }), (names) => {
        for (const name of names) expect(inUrl(name)).toBe(reference(NAMESPACE_URL, name));
      }),
      runs(100),
    );
  });

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow();
  });
});
