import { createSecretKey, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { encrypt } from './aes-gcm';
import { SealedValueCorrupted } from './personal-data-errors';
import {
  type DataKey,
  isSealed,
  type JsonValue,
  openValue,
  SEALED_FORMAT,
  type SealedValue,
  sealValue,
} from './sealed-value';

const dataKey = (keyId = 'key-1'): DataKey => ({ keyId, key: createSecretKey(randomBytes(32)) });
/** fast-check types object fields as optional; it never generates an undefined one. */
const jsonValue = (constraints?: fc.JsonSharedConstraints) =>
  fc.jsonValue(constraints) as fc.Arbitrary<JsonValue>;
/** What JSON itself makes of a value: the sealed form is JSON text, so it opens to this. */
const throughJson = (value: JsonValue): unknown => JSON.parse(JSON.stringify(value));

describe('a sealed value', () => {
  it('opens to the value sealed, for any JSON value (as JSON carries it)', () => {
    const key = dataKey();
    fc.assert(
      fc.property(fc.oneof(jsonValue(), jsonValue({ stringUnit: 'binary' })), (value) => {
        expect(openValue(sealValue(value, 'person-ana', key), key)).toEqual(throughJson(value));
      }),
    );
  });

  it('opens -0 as 0, as JSON.stringify writes it (and as the log, which is JSON, stores it)', () => {
    const key = dataKey();
    expect(Object.is(openValue(sealValue(-0, 'person-ana', key), key), 0)).toBe(true);
    expect(openValue(sealValue({ balance: [-0] }, 'person-ana', key), key)).toEqual({
      balance: [0],
    });
  });

  it('keeps a field named __proto__ a field', () => {
    const key = dataKey();
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as JsonValue;
    const opened = openValue(sealValue(value, 'person-ana', key), key) as Record<string, unknown>;
    expect(Object.keys(opened)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is a JSON envelope naming its subject and key, under a fresh nonce each time', () => {
    const key = dataKey('k-AbC_9');
    const first = sealValue('12 rue des Lilas', 'resident-7', key);
    const second = sealValue('12 rue des Lilas', 'resident-7', key);
    expect(first).toEqual({
      sealed: SEALED_FORMAT,
      subject: 'resident-7',
      key: 'k-AbC_9',
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) as string,
      // The JSON text (18 bytes, quotes included) and the 16-byte tag: 46 base64url characters.
      data: expect.stringMatching(/^[A-Za-z0-9_-]{46}$/) as string,
    });
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.data).not.toBe(first.data);
    const stored = JSON.parse(JSON.stringify(first)) as unknown;
    expect(isSealed(stored)).toBe(true);
    expect(openValue(stored as SealedValue, key)).toBe('12 rue des Lilas');
    expect(JSON.stringify(first)).not.toContain('Lilas');
  });

  it('is recognised only in its exact shape', () => {
    const envelope = sealValue('x', 'person-ana', dataKey());
    const spoiled: Record<string, unknown>[] = [
      { ...envelope, extra: 1 },
      { ...envelope, zone: 'after every envelope field' },
      { ...envelope, sealed: 'aes-256-gcm/2' },
      { ...envelope, subject: '' },
      { ...envelope, subject: 'person\nana' },
      { ...envelope, subject: 'p'.repeat(201) },
      { ...envelope, key: 'key/1' },
      { ...envelope, nonce: envelope.nonce.slice(1) },
      { ...envelope, nonce: `${envelope.nonce.slice(0, 15)}=` },
      { ...envelope, data: envelope.data.slice(0, 20) },
      { ...envelope, data: 42 },
    ];
    const { data: _data, ...missingData } = envelope;
    expect(isSealed(envelope)).toBe(true);
    for (const value of [...spoiled, missingData, null, 'x', [envelope], {}]) {
      expect(isSealed(value)).toBe(false);
    }
  });

  it('refuses a base64url text with spare bits set, which would decode like another one', () => {
    const envelope = sealValue('x', 'person-ana', dataKey());
    // `"x"` and the tag are 19 bytes, 26 characters: the last one has 4 spare bits, all zero.
    const last = envelope.data.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sameBytes = alphabet[alphabet.indexOf(last) + 1] ?? '';
    const twin = { ...envelope, data: `${envelope.data.slice(0, -1)}${sameBytes}` };
    expect(Buffer.from(twin.data, 'base64url')).toEqual(Buffer.from(envelope.data, 'base64url'));
    expect(isSealed(twin)).toBe(false);
  });

  it('detects any change to its nonce, data, subject or key id', () => {
    const key = dataKey('key-1');
    const flipByte = (text: string, index: number, delta: number) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[index % bytes.length] ^= delta;
      return bytes.toString('base64url');
    };
    const changeChar = (text: string, index: number, replacement: string) => {
      const at = index % text.length;
      const char = text[at] === replacement ? (replacement === 'a' ? 'b' : 'a') : replacement;
      return `${text.slice(0, at)}${char}${text.slice(at + 1)}`;
    };
    fc.assert(
      fc.property(
        jsonValue(),
        fc.constantFrom('nonce', 'data', 'subject', 'key'),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.constantFrom('a', 'Z', '7', '-', '_'),
        (value, field, index, delta, replacement) => {
          const envelope = sealValue(value, 'person-ana', key);
          const tampered: SealedValue =
            field === 'nonce' || field === 'data'
              ? { ...envelope, [field]: flipByte(envelope[field], index, delta) }
              : { ...envelope, [field]: changeChar(envelope[field], index, replacement) };
          expect(() => openValue(tampered, key)).toThrow(SealedValueCorrupted);
          // Even with the very key, named by the new id: the key id is bound in, not just compared.
          const sameKeyRenamed = { keyId: tampered.key, key: key.key };
          expect(() => openValue(tampered, sameKeyRenamed)).toThrow(SealedValueCorrupted);
        },
      ),
    );
  });

  it('does not open with another key, nor when it is not an envelope', () => {
    const envelope = sealValue({ name: 'Ana' }, 'person-ana', dataKey('key-1'));
    expect(() => openValue(envelope, dataKey('key-1'))).toThrow(SealedValueCorrupted);
    expect(() => openValue(envelope, dataKey('key-2'))).toThrow(SealedValueCorrupted);
    const notAnEnvelope = { ...envelope, sealed: 'rot13' } as unknown as SealedValue;
    expect(() => openValue(notAnEnvelope, dataKey('key-1'))).toThrow(SealedValueCorrupted);
  });

  it('does not return text that is not JSON, which only a holder of the key could seal', () => {
    const key = dataKey('key-1');
    const associatedData = Buffer.from(JSON.stringify([SEALED_FORMAT, 'person-ana', 'key-1']));
    const { nonce, data } = encrypt(key.key, Buffer.from('{not json'), associatedData);
    const envelope: SealedValue = {
      sealed: SEALED_FORMAT,
      subject: 'person-ana',
      key: 'key-1',
      nonce: nonce.toString('base64url'),
      data: data.toString('base64url'),
    };
    expect(() => openValue(envelope, key)).toThrow(/is not JSON/);
    expect(() => openValue(envelope, key)).toThrow(SealedValueCorrupted);
  });

  it('is made only for a valid subject and key id, from a JSON value', () => {
    const key = dataKey();
    expect(() => sealValue('x', '', key)).toThrow(RangeError);
    expect(() => sealValue('x', 'person\u0000ana', key)).toThrow(RangeError);
    expect(() => sealValue('x', 'person-ana', { ...key, keyId: 'a key' })).toThrow(RangeError);
    expect(() => sealValue(undefined as unknown as JsonValue, 'person-ana', key)).toThrow(
      TypeError,
    );
  });
});
