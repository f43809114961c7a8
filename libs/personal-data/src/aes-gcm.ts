import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

const CIPHER = 'aes-256-gcm';
/** 96 bits, the size GCM is specified for; random, so one key may seal up to 2^32 values. */
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** `data` is the ciphertext followed by its authentication tag. */
export interface Encrypted {
  readonly nonce: Buffer;
  readonly data: Buffer;
}

/** Encrypts under a fresh random nonce; `associatedData` is authenticated, not encrypted. */
export function encrypt(key: KeyObject, plaintext: Buffer, associatedData: Buffer): Encrypted {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce, data };
}

/** The plaintext, or undefined when key, nonce, data and associated data do not belong together. */
export function decrypt(
  key: KeyObject,
  { nonce, data }: Encrypted,
  associatedData: Buffer,
): Buffer | undefined {
  if (nonce.length !== NONCE_BYTES || data.length < TAG_BYTES) return undefined;
  const decipher = createDecipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData);
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}

/** A random 256-bit key. The KeyObject keeps its own copy, so the buffer is wiped at once. */
export function newKey(): KeyObject {
  return keyFromBytes(randomBytes(KEY_BYTES));
}

/**
 * A key from raw bytes, which are then wiped: the KeyObject keeps its own copy (and, unlike a
 * Buffer, never shows it when logged or serialised).
 */
export function keyFromBytes(bytes: Buffer): KeyObject {
  const key = createSecretKey(bytes);
  bytes.fill(0);
  return key;
}
