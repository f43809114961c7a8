/**
 * The offline verifier: no Node-only imports, so partners can run it in a browser or script.
 * Hashing is a pure synchronous SHA-256; only tree-head signatures need WebCrypto.
 */
export * from './verification-error';
export { HASH_SIZE, bytesEqual, fromBase64, toBase64 } from './bytes';
export * from './sha256';
export * from './hasher';
export type { LogSize } from './uint64';
export * from './inclusion';
export * from './consistency';
export type { Ed25519Jwk, Ed25519PublicKey } from './ed25519-public-key';
export * from './tree-head';
