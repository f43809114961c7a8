import type { DataKey } from './sealed-value';

/** What the store knows of a key id named by an envelope. */
export type KeyLookup =
  | { readonly state: 'open'; readonly key: DataKey; readonly subject: string }
  /** Erased: `destroyedAt` (ISO-8601) is kept, the key material is not. */
  | { readonly state: 'destroyed'; readonly destroyedAt: string; readonly subject: string }
  /** Never known here: an envelope from another ledger, or a key store restored from elsewhere. */
  | { readonly state: 'unknown' };

/** A data subject whose keys were destroyed, and when the last of them was. */
export interface ErasedSubject {
  readonly subject: string;
  readonly destroyedAt: string;
}

/**
 * The data subjects' keys, kept apart from the log. Synchronous because read models apply events
 * synchronously inside a transaction, and they open envelopes as they go.
 */
export interface KeyStore {
  /**
   * The subject's current key, created on its first use; after an erasure, a new one (a resident
   * who comes back), never the destroyed one.
   */
  currentKey(subject: string): DataKey;
  keyById(keyId: string): KeyLookup;
  /** Destroys the subject's keys not destroyed yet (one at most); says how many that was. */
  destroySubjectKeys(subject: string, at: Date): number;
  /** The subject a key id belongs to, destroyed or not; undefined when the key is unknown. */
  subjectOf(keyId: string): string | undefined;
  /** Everyone erased, earliest erasure first. */
  erasedSubjects(): readonly ErasedSubject[];
  /**
   * Runs `work` at once, the keys it makes written together when it returns (one sync for the
   * subjects of one event, or of a bulk generation), none of them if it throws.
   */
  transaction<T>(work: () => T): T;
}
