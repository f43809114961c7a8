import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomUUID,
} from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** The ledger's own token-signing key: an Ed25519 pair, named by its JWK thumbprint. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** RFC 7638 thumbprint of the public key: the `kid` of every token it signs. */
  readonly kid: string;
  /** The public half as a JWK (with kid, alg and use), as a key set would publish it. */
  readonly publicJwk: JWK;
}

/** Where the key came from, so that the API can say so at start (never the key itself). */
export type SigningKeyOrigin = 'environment' | 'file' | 'generated';

/** Inside the data directory, so that the API and the operator CLI find the same key. */
export const SIGNING_KEY_FILE = join('keys', 'token-signing-key.pem');

export function signingKeyPath(dataDir: string): string {
  return join(dataDir, SIGNING_KEY_FILE);
}

/** The key is unusable; the message names the file or setting, never the key material. */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

/** Where an Ed25519 key comes from: a setting's PEM, else a file in the data directory. */
export interface Ed25519KeySource {
  readonly privateKeyPem?: string;
  /** The setting's name, to name the key in errors (never its value). */
  readonly setting: string;
  readonly file: string;
}

/**
 * The configured key, or else the one in `file`, generated there on first use (mode 0600) and
 * reused on every later start. Shared by the token key and the tree-head key.
 */
export async function loadEd25519Key(
  source: Ed25519KeySource,
): Promise<{ key: SigningKey; origin: SigningKeyOrigin }> {
  const found = await findEd25519Key(source);
  if (found) return found;
  const created = await createKeyFile(source.file);
  return { key: await signingKeyFromPem(created.pem, source.file), origin: created.origin };
}

/** The configured or stored key, never creating one (for tools that only read). */
export async function findEd25519Key(
  source: Ed25519KeySource,
): Promise<{ key: SigningKey; origin: SigningKeyOrigin } | undefined> {
  if (source.privateKeyPem) {
    return {
      key: await signingKeyFromPem(source.privateKeyPem, source.setting),
      origin: 'environment',
    };
  }
  const pem = await readKeyFile(source.file);
  return pem === undefined
    ? undefined
    : { key: await signingKeyFromPem(pem, source.file), origin: 'file' };
}

/**
 * The token-signing key: LEDGER_JWT_PRIVATE_KEY, or else the data directory's, generated there on
 * first use.
 */
export function loadSigningKey(source: {
  readonly privateKeyPem?: string;
  readonly dataDir: string;
}): Promise<{ key: SigningKey; origin: SigningKeyOrigin }> {
  return loadEd25519Key({
    privateKeyPem: source.privateKeyPem,
    setting: 'LEDGER_JWT_PRIVATE_KEY',
    file: signingKeyPath(source.dataDir),
  });
}

/** An Ed25519 private key in PKCS#8 PEM → the signing key; `where` names it in errors. */
export async function signingKeyFromPem(pem: string, where: string): Promise<SigningKey> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new SigningKeyError(`${where} is not a readable PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(
      `${where} must be an Ed25519 key (got ${privateKey.asymmetricKeyType ?? 'another kind'})`,
    );
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { privateKey, publicKey, kid, publicJwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' } };
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    const status = await stat(file);
    // Like ssh, refuse a private key others can read rather than trust it silently.
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
 * Writes a fresh key beside the target, then links it into place: the link fails if another
 * process (the API and the CLI starting together) got there first, and then its key is used,
 * so both always agree on one key and nobody reads a half-written file.
 */
async function createKeyFile(file: string): Promise<{ pem: string; origin: SigningKeyOrigin }> {
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
