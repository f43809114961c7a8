import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { validateLedgerConfig } from '@cohesion/application';
import { assertLedgerExists } from '../ledger-context/existing-ledger';
import { EventStoreContextModule } from '../ledger-context/ledger-context.module';
import { withContext } from '../ledger-context/with-context';
import { withProgress } from '../progress/progress';
import { EVENTS_FILE, READ_MODELS_FILE } from '../verify/data-dir-files';
import { ledgerStats } from './ledger-stats';
import { statsReport } from './stats-report';

interface StatsOptions {
  readonly json?: boolean;
}

/** `ledger stats`: what the log holds, how far the read models are, and the size on disk. */
@SubCommand({
  name: 'stats',
  description:
    'Count events (per type and aggregate) and streams, show the head position, each read ' +
    "model's checkpoint and lag, and the store's size on disk",
})
export class StatsCommand extends CommandRunner {
  async run(_params: string[], options: StatsOptions): Promise<void> {
    const settings = validateLedgerConfig(process.env);
    assertLedgerExists();
    const dataDir = settings.LEDGER_DATA_DIR;
    const readModelsFile = join(dataDir, READ_MODELS_FILE);
    const storeFiles = settings.EVENTSTORE_CONNECTION_STRING
      ? []
      : [EVENTS_FILE, `${EVENTS_FILE}-wal`].map((file) => join(dataDir, file));
    const readModels = existsSync(readModelsFile)
      ? new Database(readModelsFile, { readonly: true, fileMustExist: true })
      : undefined;
    try {
      const stats = await withContext(EventStoreContextModule.forRoot(), async (context) => {
        const store = context.get<EventStore>(EVENT_STORE);
        const head = Number(await store.headPosition());
        return withProgress('stats', head, 'events', (progress) =>
          ledgerStats(store, readModels, [...storeFiles, readModelsFile], (position, count) =>
            progress.update(Number(position), count),
          ),
        );
      });
      process.stdout.write(
        options.json ? `${JSON.stringify(stats, null, 2)}\n` : statsReport(stats),
      );
    } finally {
      readModels?.close();
    }
  }

  @Option({ flags: '--json', description: 'print the figures as JSON' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Examples:',
      '  npx ledger stats',
      '  npx ledger stats --json | jq .readModels',
    ].join('\n');
  }
}
