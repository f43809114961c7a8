import type { KeyObject } from 'node:crypto';
import { decrypt, encrypt, NONCE_BYTES, TAG_BYTES } from './aes-gcm';
import { SealedValueCorrupted } from './personal-data-errors';

/** Any value JSON can carry (the same shape as the event store's, so event data passes as is). */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The envelope's format: the cipher, and the version of the associated data's layout. */
export const SEALED_FORMAT = 'aes-256-gcm/1';

/**
 * A personal value as it stands inside an event: encrypted under the key `key` of the data
 * subject `subject`. `nonce` (12 bytes) and `data` (ciphertext then 16-byte tag) are base64url.
 * A type, not an interface, so that an envelope is a JsonValue (it stands inside event data).
 */
export type SealedValue = {
  readonly sealed: typeof SEALED_FORMAT;
  readonly subject: string;
  readonly key: string;
  readonly nonce: string;
  readonly data: string;
};

/** A data subject's key, named by the key id that envelopes sealed under it carry. */
export interface DataKey {
  readonly keyId: string;
  readonly key: KeyObject;
}

const ENVELOPE_FIELDS: readonly string[] = ['data', 'key', 'nonce', 'sealed', 'subject'];
const MAX_SUBJECT_LENGTH = 200;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const KEY_ID = /^[A-Za-z0-9_-]{1,100}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A data subject's id: an opaque id (a person's, a resident's), 1-200 printable characters. */
export function isSubjectId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_SUBJECT_LENGTH &&
    !CONTROL_CHARACTERS.test(value)
  );
}

/** Refuses, with a RangeError, what is not a data subject's id. */
export function assertSubjectId(value: string): void {
  if (!isSubjectId(value)) {
    throw new RangeError(`A data subject is 1-${MAX_SUBJECT_LENGTH} printable characters`);
  }
}

/** A key id: 1-100 letters, digits, `_` or `-` (the store makes 22-character random ones). */
export function isKeyId(value: unknown): value is string {
  return typeof value === 'string' && KEY_ID.test(value);
}

/**
 * An object with exactly an envelope's five fields, whatever their values: what the opener
 * treats as an envelope, so that a damaged one is reported rather than shown as an object.
 */
export function hasEnvelopeShape(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const fields = Object.keys(value);
  return (
    fields.length === ENVELOPE_FIELDS.length &&
    fields.sort().every((field, index) => field === ENVELOPE_FIELDS[index])
  );
}

/** A well-formed envelope of a known format (it may still fail to open: see `openValue`). */
export function isSealed(value: unknown): value is SealedValue {
  if (!hasEnvelopeShape(value)) return false;
  const envelope = value as Record<string, unknown>;
  return (
    envelope.sealed === SEALED_FORMAT &&
    isSubjectId(envelope.subject) &&
    isKeyId(envelope.key) &&
    decodedLength(envelope.nonce) === NONCE_BYTES &&
    (decodedLength(envelope.data) ?? 0) >= TAG_BYTES
  );
}

/** Seals the JSON text of `value` for `subject` under `dataKey`, with a fresh random nonce. */
export function sealValue(value: JsonValue, subject: string, dataKey: DataKey): SealedValue {
  assertSubjectId(subject);
  if (!isKeyId(dataKey.keyId)) {
    throw new RangeError('A key id is 1-100 letters, digits, _ or -');
  }
  const text: unknown = JSON.stringify(value);
  if (typeof text !== 'string') throw new TypeError('Only a JSON value can be sealed');
  const { nonce, data } = encrypt(
    dataKey.key,
    Buffer.from(text, 'utf8'),
    associatedData(subject, dataKey.keyId),
  );
  return {
    sealed: SEALED_FORMAT,
    subject,
    key: dataKey.keyId,
    nonce: nonce.toString('base64url'),
    data: data.toString('base64url'),
  };
}

/**
 * The value `sealed` holds, opened with `dataKey`. Throws SealedValueCorrupted when the envelope
 * was altered in any way, was moved to another subject or key id, or `dataKey` is not its key.
 */
export function openValue(sealed: SealedValue, dataKey: DataKey): JsonValue {
  if (!isSealed(sealed)) throw new SealedValueCorrupted('This is not a well-formed sealed value');
  if (sealed.key !== dataKey.keyId) {
    throw new SealedValueCorrupted(
      `This value is sealed under key ${sealed.key}, not ${dataKey.keyId}`,
    );
  }
  const plaintext = decrypt(
    dataKey.key,
    { nonce: Buffer.from(sealed.nonce, 'base64url'), data: Buffer.from(sealed.data, 'base64url') },
    associatedData(sealed.subject, sealed.key),
  );
  const problem = `The value sealed for ${sealed.subject} under key ${sealed.key} does not open: it was altered, or this is not its key`;
  if (plaintext === undefined) throw new SealedValueCorrupted(problem);
  try {
    return JSON.parse(plaintext.toString('utf8')) as JsonValue;
  } catch {
    // Only a holder of the key could seal text that is not JSON: still not a value to return.
    throw new SealedValueCorrupted(
      `The value sealed for ${sealed.subject} under key ${sealed.key} is not JSON`,
    );
  }
}

/** Binds the ciphertext to its subject and key id: an envelope moved to another does not open. */
function associatedData(subject: string, keyId: string): Buffer {
  return Buffer.from(JSON.stringify([SEALED_FORMAT, subject, keyId]), 'utf8');
}

/** How many bytes a canonical base64url text decodes to; undefined for any other value. */
function decodedLength(value: unknown): number | undefined {
  if (typeof value !== 'string' || !BASE64URL.test(value) || value.length % 4 === 1) {
    return undefined;
  }
  const bytes = Buffer.from(value, 'base64url');
  // Canonical only: a text whose spare bits are set would decode like another one.
  return bytes.toString('base64url') === value ? bytes.length : undefined;
}
