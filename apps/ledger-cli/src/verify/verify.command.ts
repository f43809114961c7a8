import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CommandRunner, SubCommand } from 'nest-commander';
import {
  findTreeHeadKey,
  SignedTreeHeadStore,
  treeHeadsPath,
  validateLedgerConfig,
} from '@cohesion/application';
import { assertStructureSound } from '@cohesion/event-store';
import { withProgress } from '../progress/progress';
import { EVENTS_FILE, READ_MODELS_FILE } from './data-dir-files';
import { checkLedger } from './ledger-check';
import { damageMessage, successLines } from './verify-report';

const eventCount = (events: Database.Database): number =>
  (events.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

const openReadOnly = (file: string) => new Database(file, { readonly: true, fileMustExist: true });

/**
 * `ledger verify`: the whole ledger in the data directory, checked without the API and without
 * changing a byte (every file is opened read-only). Exit code 1 names the first damage.
 */
@SubCommand({
  name: 'verify',
  description:
    "Check every stream's hash chain, the Merkle log and the signed tree heads of the embedded " +
    'store; name the first damaged event (stream, revision, position)',
})
export class VerifyCommand extends CommandRunner {
  async run(): Promise<void> {
    const settings = validateLedgerConfig(process.env);
    if (settings.EVENTSTORE_CONNECTION_STRING) {
      throw new Error(
        'verify reads the embedded SQLite store, and EVENTSTORE_CONNECTION_STRING is set: ' +
          'check the ledger through the API (tree heads and proofs) instead',
      );
    }
    const dataDir = settings.LEDGER_DATA_DIR;
    const eventsFile = join(dataDir, EVENTS_FILE);
    if (!existsSync(eventsFile)) {
      throw new Error(
        `no event store at ${eventsFile}: is LEDGER_DATA_DIR the API's data directory?`,
      );
    }
    const readModelsFile = join(dataDir, READ_MODELS_FILE);
    const headsFile = treeHeadsPath(dataDir);
    const found = await findTreeHeadKey({
      privateKeyPem: settings.LEDGER_TREE_HEAD_PRIVATE_KEY,
      dataDir,
    });
    const publicKey = found && {
      keyId: found.key.kid,
      pem: found.key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
    const events = openReadOnly(eventsFile);
    const readModels = existsSync(readModelsFile) ? openReadOnly(readModelsFile) : undefined;
    const heads = existsSync(headsFile) ? SignedTreeHeadStore.openReadOnly(headsFile) : undefined;
    try {
      // The whole-file check the API runs in the background after a clean start, here in full.
      assertStructureSound(events, eventsFile);
      const report = await withProgress('verify', eventCount(events), 'events', (progress) =>
        checkLedger({
          events,
          readModels,
          heads: heads?.all() ?? [],
          publicKey,
          onEventChecked: (checked) => progress.update(checked, checked),
        }),
      );
      if (report.damage) throw new Error(damageMessage(report.damage, report));
      process.stdout.write(`${successLines(report, publicKey?.keyId).join('\n')}\n`);
    } finally {
      events.close();
      readModels?.close();
      heads?.close();
    }
  }
}
