import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { toBase64 } from './bytes';
import { leafHash } from './hasher';
import {
  treeHeadSigningInput,
  verifySignedTreeHead,
  type SignedTreeHead,
  type TreeHead,
} from './tree-head';
import { MerkleVerificationError, type VerificationFailure } from './verification-error';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

function signHead(head: TreeHead, key: KeyObject = privateKey): SignedTreeHead {
  const signature = sign(null, treeHeadSigningInput(head), key);
  return { ...head, signature: signature.toString('base64') };
}

const head: TreeHead = {
  treeSize: 42,
  rootHash: toBase64(leafHash(Uint8Array.of(1, 2, 3))),
  timestamp: '2025-03-04T05:06:07.089Z',
};
const signed = signHead(head);

const rawKey = (key: KeyObject): Uint8Array =>
  new Uint8Array(Buffer.from(key.export({ format: 'jwk' }).x ?? '', 'base64url'));
const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
const jwk = { kty: 'OKP', crv: 'Ed25519', x: publicKey.export({ format: 'jwk' }).x ?? '' } as const;

async function rejection(promise: Promise<unknown>): Promise<VerificationFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MerkleVerificationError);
  return (error as MerkleVerificationError).failure;
}

describe('signed tree heads', () => {
  it('signs a documented, line-based byte string', () => {
    expect(new TextDecoder().decode(treeHeadSigningInput(head))).toBe(
      `cohesion-ledger/tree-head/v1\n42\n${head.rootHash}\n2025-03-04T05:06:07.089Z`,
    );
  });

  it.each([
    ['raw bytes', rawKey(publicKey)],
    ['SPKI PEM', pem],
    ['JWK', jwk],
  ])('verifies a head signed with Node crypto, key given as %s', async (_, key) => {
    const verified = await verifySignedTreeHead(signed, key);
    expect(verified.treeSize).toBe(42);
    expect(toBase64(verified.rootHash)).toBe(head.rootHash);
    expect(verified.timestamp).toBe(head.timestamp);
  });

  it.each<[string, Partial<SignedTreeHead>]>([
    ['size', { treeSize: 43 }],
    ['root', { rootHash: toBase64(leafHash(Uint8Array.of(1, 2, 4))) }],
    ['timestamp', { timestamp: '2025-03-04T05:06:07.090Z' }],
    ['signature', { signature: signHead({ ...head, treeSize: 41 }).signature }],
  ])('rejects a head whose %s was changed', async (_, change) => {
    expect(await rejection(verifySignedTreeHead({ ...signed, ...change }, pem))).toBe(
      'bad-signature',
    );
  });

  it('rejects every single flipped bit of the signature', async () => {
    const signature = Buffer.from(signed.signature, 'base64');
    for (let bit = 0; bit < signature.length * 8; bit += 7) {
      const flipped = Buffer.from(signature);
      flipped[bit >> 3] ^= 1 << (bit & 7);
      const forged = { ...signed, signature: flipped.toString('base64') };
      expect(await rejection(verifySignedTreeHead(forged, pem))).toBe('bad-signature');
    }
  });

  it('rejects a head signed by another key', async () => {
    expect(await rejection(verifySignedTreeHead(signHead(head, other.privateKey), pem))).toBe(
      'bad-signature',
    );
  });

  it.each<[string, Record<string, unknown>]>([
    ['a negative size', { treeSize: -1 }],
    ['a fractional size', { treeSize: 1.5 }],
    ['a size given as a string', { treeSize: '42' }],
    ['a root of 31 bytes', { rootHash: toBase64(new Uint8Array(31)) }],
    ['a root in base64url', { rootHash: head.rootHash.replace(/\+/g, '-').replace(/\//g, '_') }],
    ['a root without padding', { rootHash: head.rootHash.replace(/=+$/, '') }],
    ['a timestamp with an offset', { timestamp: '2025-03-04T06:06:07.089+01:00' }],
    ['a timestamp without milliseconds', { timestamp: '2025-03-04T05:06:07Z' }],
    ['a timestamp with a newline', { timestamp: `${head.timestamp}\n` }],
    ['a short signature', { signature: toBase64(new Uint8Array(63)) }],
    ['a missing signature', { signature: undefined }],
  ])('refuses a malformed head with %s', async (_, change) => {
    const malformed = { ...signed, ...change } as unknown as SignedTreeHead;
    expect(await rejection(verifySignedTreeHead(malformed, pem))).toBe('malformed-tree-head');
  });

  it.each<[string, unknown]>([
    ['31 raw bytes', new Uint8Array(31)],
    ['a private key PEM', privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()],
    ['an X25519 JWK', { ...jwk, crv: 'X25519' }],
    ['a non-key string', 'not a key'],
  ])('refuses %s as a public key', async (_, key) => {
    const failure = await rejection(verifySignedTreeHead(signed, key as Uint8Array));
    expect(failure).toBe('invalid-public-key');
  });
});
