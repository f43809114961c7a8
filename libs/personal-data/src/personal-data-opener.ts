import { erasedMarkerAt, UNREADABLE_MARKER } from './erased-marker';
import type { KeyStore } from './key-store';
import { SealedValueCorrupted } from './personal-data-errors';
import {
  hasEnvelopeShape,
  isSealed,
  type JsonObject,
  type JsonValue,
  openValue,
  sealValue,
} from './sealed-value';

/** A value with its envelopes opened, and how many could not be. */
export interface OpenedValue {
  readonly value: JsonValue;
  /** Envelopes whose key was destroyed: each now reads `[erased YYYY-MM-DD]`. */
  readonly erased: number;
  /** Envelopes whose key this ledger never knew (an import from elsewhere): `[unreadable]`. */
  readonly unreadable: number;
  /**
   * Envelopes that were altered or forged (they do not open with the key they name), also shown
   * as `[unreadable]`: the caller decides whether to refuse the value or report it.
   */
  readonly corrupted: number;
}

/** A personal field to seal: a top-level or dotted path (`contact.email`) and whose data it is. */
export interface PersonalField {
  readonly path: string;
  readonly subject: string;
}

/**
 * `value` (event data, any JSON) with every sealed envelope, however deep, replaced by what it
 * holds, or by the erased or unreadable marker. Never throws for a destroyed or unknown key, nor
 * for a damaged envelope: a read model or an export always gets a value.
 */
export function openAll(value: JsonValue, keys: KeyStore): OpenedValue {
  const counts = { erased: 0, unreadable: 0, corrupted: 0 };
  const opened = openWithin(value, keys, counts);
  return { value: opened, ...counts };
}

/**
 * A copy of `data` with each named field sealed for its subject under the subject's current key
 * (other fields untouched, one object may hold several subjects' fields). A path that is absent
 * is skipped (an optional field); one that crosses a value that is not an object is a mistake.
 */
export function sealFields(
  data: JsonObject,
  fields: readonly PersonalField[],
  keys: KeyStore,
): JsonObject {
  return fields.reduce(
    (sealed, { path, subject }) =>
      sealAt(sealed, path.split('.'), path, (value) =>
        sealValue(value, subject, keys.currentKey(subject)),
      ),
    data,
  );
}

type Counts = { erased: number; unreadable: number; corrupted: number };

/**
 * The value with its envelopes opened. What holds none is answered as the same reference (no copy
 * of a large answer without personal data), and only arrays and plain objects are walked: a
 * `Date`, a `Buffer` or a class instance in an answer is left as it is.
 */
function openWithin(value: JsonValue, keys: KeyStore, counts: Counts): JsonValue {
  if (Array.isArray(value)) {
    const items = value.map((item) => openWithin(item, keys, counts));
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (!isPlainObject(value)) return value;
  if (hasEnvelopeShape(value)) return openEnvelope(value, keys, counts);
  const entries = Object.entries(value);
  const opened = entries.map(([field, item]) => [field, openWithin(item, keys, counts)] as const);
  if (opened.every(([, item], index) => item === entries[index][1])) return value;
  // fromEntries defines own properties: a `__proto__` field stays a field.
  return Object.fromEntries(opened);
}

function isPlainObject(value: unknown): value is JsonObject {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function openEnvelope(envelope: JsonValue, keys: KeyStore, counts: Counts): JsonValue {
  if (!isSealed(envelope)) {
    counts.corrupted += 1;
    return UNREADABLE_MARKER;
  }
  const found = keys.keyById(envelope.key);
  switch (found.state) {
    case 'unknown':
      counts.unreadable += 1;
      return UNREADABLE_MARKER;
    case 'destroyed':
      counts.erased += 1;
      return erasedMarkerAt(found.destroyedAt);
    case 'open':
      try {
        return openValue(envelope, found.key);
      } catch (error) {
        if (!(error instanceof SealedValueCorrupted)) throw error;
        counts.corrupted += 1;
        return UNREADABLE_MARKER;
      }
  }
}

function sealAt(
  object: JsonObject,
  [field, ...rest]: readonly string[],
  path: string,
  seal: (value: JsonValue) => JsonValue,
): JsonObject {
  if (field === undefined || !Object.hasOwn(object, field)) return object;
  const value = object[field];
  if (rest.length === 0) {
    if (isSealed(value)) throw new TypeError(`${path} is sealed already`);
    return { ...object, [field]: seal(value) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || isSealed(value)) {
    throw new TypeError(
      `${path} crosses ${field}, which is not an object whose fields can be sealed`,
    );
  }
  return { ...object, [field]: sealAt(value, rest, path, seal) };
}
