import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256 } from './sha256';

const nodeSha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('pure SHA-256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256(Buffer.from('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('matches Node crypto on every padding boundary around one and two blocks', () => {
    for (let length = 0; length <= 130; length++) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(hex(sha256(data))).toBe(nodeSha256(data));
    }
  });

  it('matches Node crypto on random inputs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (data) => {
        expect(hex(sha256(data))).toBe(nodeSha256(data));
      }),
      { numRuns: 300 },
    );
  });

  it('matches Node crypto on a long input and on a view into a larger buffer', () => {
    const big = Uint8Array.from({ length: 1_000_003 }, (_, i) => i % 251);
    expect(hex(sha256(big))).toBe(nodeSha256(big));
    const view = big.subarray(17, 1017);
    expect(hex(sha256(view))).toBe(nodeSha256(view));
  });
});
