import { Logger } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { keyStorePath, loadMasterKey, SqliteKeyStore } from '@cohesion/personal-data';
import type { LedgerConfig } from '../config/ledger-config';

/** The data subjects' keys (`KeyStore`): what seals personal fields and opens them. */
export const PERSONAL_DATA_KEYS = Symbol('PERSONAL_DATA_KEYS');

type KeySettings = Pick<
  LedgerConfig,
  'LEDGER_DATA_DIR' | 'LEDGER_MASTER_KEY' | 'LEDGER_MASTER_KEY_FILE'
>;

/** Opens this node's key store in the data directory, its keys wrapped by the master key. */
export function openPersonalDataKeys(settings: KeySettings): SqliteKeyStore {
  const { key, origin } = loadMasterKey(settings, settings.LEDGER_DATA_DIR);
  const file = keyStorePath(settings.LEDGER_DATA_DIR);
  new Logger('PersonalData').log(`Keys of personal data at ${file} (master key: ${origin})`);
  return SqliteKeyStore.open(file, key);
}

/** The same, from the process's configuration (the key store module's factory). */
export const openConfiguredPersonalDataKeys = (
  config: ConfigService<LedgerConfig, true>,
): SqliteKeyStore =>
  openPersonalDataKeys({
    LEDGER_DATA_DIR: config.get('LEDGER_DATA_DIR', { infer: true }),
    LEDGER_MASTER_KEY: config.get('LEDGER_MASTER_KEY', { infer: true }),
    LEDGER_MASTER_KEY_FILE: config.get('LEDGER_MASTER_KEY_FILE', { infer: true }),
  });
