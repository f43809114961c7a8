import { MerkleVerificationError } from './verification-error';

/** SHA-256 output length: RFC 9162 §2.1 trees built on SHA-256 carry only 32-byte hashes. */
export const HASH_SIZE = 32;

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Rejects anything that is not exactly one hash, before it can reach a hash computation. */
export function requireHash(hash: Uint8Array, what: string): void {
  if (hash.length !== HASH_SIZE) {
    throw new MerkleVerificationError(
      'bad-hash-length',
      `${what} is ${hash.length} bytes, want ${HASH_SIZE}`,
    );
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Strict standard base64 (with padding). Non-canonical spellings are refused because signed
 * values must have exactly one textual form, or a signature could cover several heads.
 */
export function fromBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  return toBase64(bytes) === text ? bytes : undefined;
}

/**
 * The bytes as WebCrypto takes them: browsers' typings accept only views of an ArrayBuffer (not a
 * SharedArrayBuffer), so this copies into one. Keys and signatures are a few dozen bytes.
 */
export function cryptoBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
