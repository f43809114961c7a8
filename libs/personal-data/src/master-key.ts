import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { KEY_BYTES, keyFromBytes } from './aes-gcm';
import { MasterKeyError } from './personal-data-errors';

/** The generated master key's file in the data directory (in production, keep it elsewhere). */
export const MASTER_KEY_FILE = 'master.key';

export function masterKeyPath(dataDir: string): string {
  return join(dataDir, MASTER_KEY_FILE);
}

/** The two settings, as the environment gives them (an empty value counts as unset). */
export interface MasterKeySettings {
  /** The base64 of 32 random bytes (`openssl rand -base64 32`). */
  readonly LEDGER_MASTER_KEY?: string;
  /** A file holding that base64 text, readable by its owner only (mode 0600 or stricter). */
  readonly LEDGER_MASTER_KEY_FILE?: string;
}

/** Where the master key came from, so that start-up can say so (never the key itself). */
export type MasterKeyOrigin = 'environment' | 'file' | 'generated';

/** Every permission bit beyond the owner's read and write. */
const LOOSER_THAN_0600 = 0o177;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The master key that wraps the data subjects' keys: LEDGER_MASTER_KEY, else the file
 * LEDGER_MASTER_KEY_FILE names, else `<dataDir>/master.key`, generated there on first use (mode
 * 0600). Errors name the setting or the file, never the key.
 */
export function loadMasterKey(
  settings: MasterKeySettings,
  dataDir: string,
): { key: KeyObject; origin: MasterKeyOrigin } {
  const inline = settings.LEDGER_MASTER_KEY || undefined;
  const file = settings.LEDGER_MASTER_KEY_FILE || undefined;
  if (inline !== undefined && file !== undefined) {
    throw new MasterKeyError(
      'conflicting-settings',
      'LEDGER_MASTER_KEY and LEDGER_MASTER_KEY_FILE are both set: set one of them',
    );
  }
  if (inline !== undefined) {
    return { key: parseMasterKey(inline, 'LEDGER_MASTER_KEY'), origin: 'environment' };
  }
  if (file !== undefined) {
    const text = readKeyFile(file, `LEDGER_MASTER_KEY_FILE (${file})`);
    if (text === undefined) {
      throw new MasterKeyError(
        'unreadable-file',
        `LEDGER_MASTER_KEY_FILE (${file}) cannot be read: it does not exist`,
      );
    }
    return { key: parseMasterKey(text, file), origin: 'file' };
  }
  const generated = masterKeyPath(dataDir);
  const existing = readKeyFile(generated, generated);
  if (existing !== undefined) return { key: parseMasterKey(existing, generated), origin: 'file' };
  const created = createKeyFile(generated);
  return { key: parseMasterKey(created.text, generated), origin: created.origin };
}

/** The base64 text of a master key (surrounding white space allowed) → the key. */
export function parseMasterKey(text: string, where: string): KeyObject {
  const base64 = text.trim();
  const bytes = Buffer.from(base64, 'base64');
  if (!BASE64.test(base64) || bytes.toString('base64') !== base64) {
    throw new MasterKeyError(
      'malformed',
      `${where} must be the base64 of ${KEY_BYTES} random bytes (openssl rand -base64 ${KEY_BYTES})`,
    );
  }
  if (bytes.length !== KEY_BYTES) {
    throw new MasterKeyError(
      'wrong-length',
      `${where} holds ${bytes.length} bytes: a master key is ${KEY_BYTES} random bytes (openssl rand -base64 ${KEY_BYTES})`,
    );
  }
  return keyFromBytes(bytes);
}

/** The file's text; undefined when it does not exist. Refuses a file others may read. */
function readKeyFile(file: string, where: string): string | undefined {
  try {
    const status = statSync(file);
    if (!status.isFile()) {
      throw new MasterKeyError('unreadable-file', `${where} cannot be read: it is not a file`);
    }
    if (process.platform !== 'win32' && (status.mode & LOOSER_THAN_0600) !== 0) {
      const mode = (status.mode & 0o777).toString(8).padStart(4, '0');
      throw new MasterKeyError(
        'loose-permissions',
        `${where} has mode ${mode}: a master key file must be readable by its owner only (chmod 600 ${file})`,
      );
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof MasterKeyError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new MasterKeyError(
      'unreadable-file',
      `${where} cannot be read (${code ?? String(error)})`,
    );
  }
}

/**
 * Writes a fresh key beside the target, then links it into place: the link fails if another
 * process (the API and the CLI starting together) got there first, and then its key is used.
 */
function createKeyFile(file: string): { text: string; origin: MasterKeyOrigin } {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const text = `${randomBytes(KEY_BYTES).toString('base64')}\n`;
  const draft = `${file}.${randomUUID()}.tmp`;
  writeFileSync(draft, text, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return { text, origin: 'generated' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { text: readFileSync(file, 'utf8'), origin: 'file' };
  } finally {
    unlinkSync(draft);
  }
}
