import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  KEY_STORE_FILE,
  keyStorePath,
  loadMasterKey,
  MASTER_KEY_FILE,
  SqliteKeyStore,
} from '@cohesion/personal-data';

/** Where the keys of a generated log live: a directory beside it, as a data directory has them. */
export const benchKeysDirOf = (logFile: string): string => `${logFile}.keys`;

/** The key store of a generated log (its master key generated beside it, as a laptop's is). */
export function openBenchKeyStore(logFile: string): SqliteKeyStore {
  const directory = benchKeysDirOf(logFile);
  mkdirSync(directory, { recursive: true });
  const { key } = loadMasterKey({}, directory);
  return SqliteKeyStore.open(keyStorePath(directory), key);
}

/** Puts a generated log's keys into a ledger's data directory, so that its API opens them. */
export function copyBenchKeys(logFile: string, dataDir: string): void {
  for (const file of [KEY_STORE_FILE, MASTER_KEY_FILE]) {
    copyFileSync(join(benchKeysDirOf(logFile), file), join(dataDir, file));
    chmodSync(join(dataDir, file), 0o600);
  }
}
