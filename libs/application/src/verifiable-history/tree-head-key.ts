import { join } from 'node:path';
import {
  type Ed25519KeySource,
  findEd25519Key,
  loadEd25519Key,
  type SigningKey,
  type SigningKeyOrigin,
} from '@cohesion/access-tokens';

/**
 * The tree-head key lives beside the token key but is a key of its own: tokens may move to an
 * OpenID Connect provider, or their key be rotated, while partners keep verifying old heads.
 */
export const TREE_HEAD_KEY_FILE = join('keys', 'tree-head-signing-key.pem');

export const treeHeadKeyPath = (dataDir: string): string => join(dataDir, TREE_HEAD_KEY_FILE);

export type TreeHeadKeyOrigin = SigningKeyOrigin;

export interface TreeHeadKeySource {
  /** LEDGER_TREE_HEAD_PRIVATE_KEY, when set. */
  readonly privateKeyPem?: string;
  readonly dataDir: string;
}

const keySource = (source: TreeHeadKeySource): Ed25519KeySource => ({
  privateKeyPem: source.privateKeyPem,
  setting: 'LEDGER_TREE_HEAD_PRIVATE_KEY',
  file: treeHeadKeyPath(source.dataDir),
});

/** The configured key, or else the data directory's, generated there (mode 0600) on first use. */
export function loadTreeHeadKey(
  source: TreeHeadKeySource,
): Promise<{ key: SigningKey; origin: TreeHeadKeyOrigin }> {
  return loadEd25519Key(keySource(source));
}

/** The key if there is one, never creating it: for `ledger verify`, which only reads. */
export function findTreeHeadKey(
  source: TreeHeadKeySource,
): Promise<{ key: SigningKey; origin: TreeHeadKeyOrigin } | undefined> {
  return findEd25519Key(keySource(source));
}
