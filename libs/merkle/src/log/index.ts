export type { MerkleHashStore, MerkleNode } from './hash-store';
export * from './merkle-log-error';
export * from './in-memory-hash-store';
export * from './merkle-log';
