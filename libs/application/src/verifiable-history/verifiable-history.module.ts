import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import type { SigningKey } from '@cohesion/access-tokens';
import { ReadModelsModule } from '../read-models/read-models.module';
import { StreamsModule } from '../streams/streams.module';
import { merkleLogOf } from '@cohesion/projections';
import type { LedgerConfig } from '../config/ledger-config';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { SignedTreeHeadStore, treeHeadsPath } from './signed-tree-head-store';
import { loadTreeHeadKey } from './tree-head-key';
import { TreeHeadSigner } from './tree-head-signer';
import { TREE_HEAD_KEY, VerifiableHistoryService } from './verifiable-history.service';

async function treeHeadKey(config: ConfigService<LedgerConfig, true>): Promise<SigningKey> {
  const { key, origin } = await loadTreeHeadKey({
    // An empty value means unset (validation drops it, the raw environment may still hold it).
    privateKeyPem: config.get('LEDGER_TREE_HEAD_PRIVATE_KEY', { infer: true }) || undefined,
    dataDir: config.get('LEDGER_DATA_DIR', { infer: true }),
  });
  const logger = new Logger('VerifiableHistory');
  if (origin === 'generated') logger.log('Generated a tree-head signing key in the data directory');
  logger.log(`Tree heads are signed with key ${key.kid}`);
  return key;
}

/** Signed tree heads of the Merkle log, inclusion and consistency proofs, the public key. */
@Module({
  imports: [ReadModelsModule, StreamsModule],
  providers: [
    { provide: TREE_HEAD_KEY, inject: [ConfigService], useFactory: treeHeadKey },
    {
      provide: SignedTreeHeadStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService<LedgerConfig, true>) =>
        SignedTreeHeadStore.open(treeHeadsPath(config.get('LEDGER_DATA_DIR', { infer: true }))),
    },
    {
      provide: TreeHeadSigner,
      inject: [READ_MODEL_DATABASE, SignedTreeHeadStore, TREE_HEAD_KEY],
      useFactory: (db: Database.Database, heads: SignedTreeHeadStore, key: SigningKey) =>
        new TreeHeadSigner(merkleLogOf(db), heads, key),
    },
    VerifiableHistoryService,
  ],
  exports: [VerifiableHistoryService],
})
export class VerifiableHistoryModule implements OnApplicationShutdown {
  constructor(@Inject(SignedTreeHeadStore) private readonly heads: SignedTreeHeadStore) {}

  onApplicationShutdown(): void {
    this.heads.close();
  }
}
