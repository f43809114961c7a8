/**
 * RFC 9162 Merkle machinery. `verifier` is dependency-free (browser-safe, also importable on
 * its own as `@cohesion/merkle/verifier`); `log` builds roots and proofs on the server.
 */
export * from './verifier';
export * from './log';
