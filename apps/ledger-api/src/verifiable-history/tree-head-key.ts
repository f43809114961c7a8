import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type SigningKey, SigningKeyError, signingKeyFromPem } from '@cohesion/access-tokens';

/**
 * The tree-head key lives beside the token key but is a key of its own: tokens may move to an
 * OpenID Connect provider, or their key be rotated, while partners keep verifying old heads.
 */
export const TREE_HEAD_KEY_FILE = join('keys', 'tree-head-signing-key.pem');

export const treeHeadKeyPath = (dataDir: string): string => join(dataDir, TREE_HEAD_KEY_FILE);

export type TreeHeadKeyOrigin = 'environment' | 'file' | 'generated';

export interface TreeHeadKeySource {
  /** LEDGER_TREE_HEAD_PRIVATE_KEY, when set. */
  readonly privateKeyPem?: string;
  readonly dataDir: string;
}

/**
 * The configured key, or else the data directory's, generated there (mode 0600) on first use.
 * `loadSigningKey` of the access tokens does the same for the token key, at a fixed path; only its
 * PEM parsing (`signingKeyFromPem`) is shared.
 */
export async function loadTreeHeadKey(
  source: TreeHeadKeySource,
): Promise<{ key: SigningKey; origin: TreeHeadKeyOrigin }> {
  const found = await findTreeHeadKey(source);
  if (found) return found;
  const file = treeHeadKeyPath(source.dataDir);
  const created = await createKeyFile(file);
  return { key: await signingKeyFromPem(created.pem, file), origin: created.origin };
}

/** The key if there is one, never creating it: for `ledger verify`, which only reads. */
export async function findTreeHeadKey(
  source: TreeHeadKeySource,
): Promise<{ key: SigningKey; origin: TreeHeadKeyOrigin } | undefined> {
  if (source.privateKeyPem) {
    const key = await signingKeyFromPem(source.privateKeyPem, 'LEDGER_TREE_HEAD_PRIVATE_KEY');
    return { key, origin: 'environment' };
  }
  const file = treeHeadKeyPath(source.dataDir);
  const pem = await readKeyFile(file);
  return pem === undefined
    ? undefined
    : { key: await signingKeyFromPem(pem, file), origin: 'file' };
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    const status = await stat(file);
    // Like ssh: a private key others can read may have been copied, so it is refused.
    if (process.platform !== 'win32' && (status.mode & 0o077) !== 0) {
      throw new SigningKeyError(
        `${file} is readable by other users: restrict it (chmod 600 ${file}) and start again`,
      );
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Written beside the target, then linked into place: the link fails if another process got
 * there first, whose key is then used, so two processes starting together agree on one key.
 */
async function createKeyFile(file: string): Promise<{ pem: string; origin: TreeHeadKeyOrigin }> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const draft = `${file}.${randomUUID()}.tmp`;
  await writeFile(draft, pem, { mode: 0o600, flag: 'wx' });
  try {
    await link(draft, file);
    return { pem, origin: 'generated' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { pem: await readFile(file, 'utf8'), origin: 'file' };
  } finally {
    await unlink(draft);
  }
}
