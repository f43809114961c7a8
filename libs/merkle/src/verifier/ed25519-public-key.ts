import { cryptoBytes, fromBase64 } from './bytes';
import { MerkleVerificationError } from './verification-error';

/** The JWK form Node's `KeyObject.export({ format: 'jwk' })` produces for an Ed25519 key. */
export interface Ed25519Jwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
}

/**
 * The ways a partner may hold the ledger's published key: the 32 raw key bytes, an SPKI PEM
 * (`-----BEGIN PUBLIC KEY-----`), or a JWK. All are accepted so no conversion tool is needed.
 */
export type Ed25519PublicKey = Uint8Array | string | Ed25519Jwk;

type VerifyKey = Awaited<ReturnType<SubtleCryptoApi['importKey']>>;
type SubtleCryptoApi = typeof globalThis.crypto.subtle;

const ALGORITHM = { name: 'Ed25519' } as const;
const PEM = /^-----BEGIN PUBLIC KEY-----\s*([A-Za-z0-9+/=\s]+?)\s*-----END PUBLIC KEY-----$/;

export function webCrypto(): SubtleCryptoApi {
  // Looked up at call time so merely importing the verifier never fails where WebCrypto is absent.
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCryptoApi } }).crypto?.subtle;
  if (subtle === undefined) {
    throw new MerkleVerificationError('crypto-unavailable', 'WebCrypto (crypto.subtle) is missing');
  }
  return subtle;
}

const invalidKey = (why: string): MerkleVerificationError =>
  new MerkleVerificationError('invalid-public-key', `not an Ed25519 public key: ${why}`);

export async function importEd25519PublicKey(key: Ed25519PublicKey): Promise<VerifyKey> {
  const subtle = webCrypto();
  try {
    if (key instanceof Uint8Array) {
      if (key.length !== 32) throw invalidKey(`${key.length} raw bytes, want 32`);
      return await subtle.importKey('raw', cryptoBytes(key), ALGORITHM, false, ['verify']);
    }
    if (typeof key === 'string') {
      const der = PEM.exec(key.trim())?.[1];
      const bytes = der === undefined ? undefined : fromBase64(der.replace(/\s+/g, ''));
      if (bytes === undefined) throw invalidKey('expected a PEM "PUBLIC KEY" block');
      return await subtle.importKey('spki', cryptoBytes(bytes), ALGORITHM, false, ['verify']);
    }
    if (key.kty !== 'OKP' || key.crv !== 'Ed25519' || typeof key.x !== 'string') {
      throw invalidKey('JWK must have kty "OKP" and crv "Ed25519"');
    }
    const jwk = { kty: key.kty, crv: key.crv, x: key.x };
    return await subtle.importKey('jwk', jwk, ALGORITHM, false, ['verify']);
  } catch (error) {
    if (error instanceof MerkleVerificationError) throw error;
    throw invalidKey(error instanceof Error ? error.message : String(error));
  }
}
