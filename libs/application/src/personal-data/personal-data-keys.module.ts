import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  type KeyStore,
  keyStorePath,
  loadMasterKey,
  SqliteKeyStore,
} from '@cohesion/personal-data';
import type { LedgerConfig } from '../config/ledger-config';

/** The data subjects' keys (`KeyStore`): what seals personal fields and opens them. */
export const PERSONAL_DATA_KEYS = Symbol('PERSONAL_DATA_KEYS');

/** Opens this node's key store in the data directory, its keys wrapped by the master key. */
export function openPersonalDataKeys(config: ConfigService<LedgerConfig, true>): SqliteKeyStore {
  const dataDir = config.get('LEDGER_DATA_DIR', { infer: true });
  const { key, origin } = loadMasterKey(
    {
      LEDGER_MASTER_KEY: config.get('LEDGER_MASTER_KEY', { infer: true }),
      LEDGER_MASTER_KEY_FILE: config.get('LEDGER_MASTER_KEY_FILE', { infer: true }),
    },
    dataDir,
  );
  const file = keyStorePath(dataDir);
  new Logger('PersonalData').log(`Keys of personal data at ${file} (master key: ${origin})`);
  return SqliteKeyStore.open(file, key);
}

/**
 * The process's one key store, global like the event store: the command side seals with it, the
 * read side and the exports open with it, erasures destroy its keys. Closed with the process.
 */
@Global()
@Module({
  providers: [
    { provide: PERSONAL_DATA_KEYS, inject: [ConfigService], useFactory: openPersonalDataKeys },
  ],
  exports: [PERSONAL_DATA_KEYS],
})
export class PersonalDataKeysModule implements OnApplicationShutdown {
  constructor(@Inject(PERSONAL_DATA_KEYS) private readonly keys: KeyStore & { close(): void }) {}

  onApplicationShutdown(): void {
    this.keys.close();
  }
}
