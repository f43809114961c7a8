/**
 * A sealed envelope that does not open with the key it names: altered, forged, or not an
 * envelope at all. Never a destroyed key: that is an erasure, not a fault (see the opener).
 */
export class SealedValueCorrupted extends Error {
  override readonly name = 'SealedValueCorrupted';
}

/** Why the master key cannot be used; each reason has its own wording, naming the setting or file. */
export type MasterKeyProblem =
  | 'conflicting-settings'
  | 'malformed'
  | 'wrong-length'
  | 'unreadable-file'
  | 'loose-permissions'
  | 'wrong-master-key';

/** The master key is missing, badly formed, badly kept, or not the one the key store was made with. */
export class MasterKeyError extends Error {
  override readonly name = 'MasterKeyError';

  constructor(
    readonly reason: MasterKeyProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The key store's file is damaged or was edited: a setting it needs is off, or a key its
 * (verified) master key cannot unwrap. Never raised for a destroyed or unknown key.
 */
export class KeyStoreCorrupted extends Error {
  override readonly name = 'KeyStoreCorrupted';
}
