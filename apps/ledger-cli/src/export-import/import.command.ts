import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Help, CommandRunner, SubCommand } from 'nest-commander';
import { openPersonalDataKeys, validateLedgerConfig } from '@cohesion/application';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { EventStoreContextModule } from '../ledger-context/ledger-context.module';
import { withContext, withWritingContext } from '../ledger-context/with-context';
import { withProgress } from '../progress/progress';
import { importEvents, type ImportLine, type ImportReport } from './import-events';

/** `ledger import <file>`: an export appended to this ledger, every event hashing as before. */
@SubCommand({
  name: 'import',
  arguments: '<file>',
  description:
    'Append the events of an export (JSON Lines) keeping their ids, revisions, times and ' +
    'hashes; refuses a changed or malformed line by its number; a second run adds nothing',
})
export class ImportCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    if (!existsSync(file)) throw new Error(`no file ${file}`);
    const { size } = await stat(file);
    const config = validateLedgerConfig(process.env);
    // Into EventStoreDB, the data directory is not written: API nodes may run meanwhile.
    const embedded = config.EVENTSTORE_CONNECTION_STRING === undefined;
    const withStore = embedded ? withWritingContext : withContext;
    await withStore(EventStoreContextModule.forRoot(), async (context) => {
      const store = context.get<EventStore>(EVENT_STORE);
      // Its own key store tells which sealed fields open here (none is written by an import).
      const keys = embedded ? openPersonalDataKeys(config) : undefined;
      let bytes = 0;
      const report = await withProgress('import', size, 'events', (progress) =>
        importEvents(
          store,
          linesOf(file),
          (line, sofar) => {
            bytes += line.bytes;
            progress.update(bytes, sofar.imported + sofar.alreadyPresent);
          },
          keys,
        ),
      );
      process.stdout.write(
        `imported ${report.imported} events (${report.alreadyPresent} already present)\n` +
          unopenedFields(report),
      );
      keys?.close();
    });
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Example (move the embedded ledger to EventStoreDB):',
      '  npx ledger export --out ledger.jsonl',
      '  EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false npx ledger import ledger.jsonl',
    ].join('\n');
  }
}

async function* linesOf(file: string): AsyncIterable<ImportLine> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const text of lines) {
    lineNumber += 1;
    yield { text, lineNumber, bytes: Buffer.byteLength(text) + 1 };
  }
}

/** What the import says of the personal fields that do not open in this ledger (when some). */
function unopenedFields({ unopened }: ImportReport): string {
  const { erased, unreadable, corrupted } = unopened;
  if (erased + unreadable + corrupted === 0) return '';
  return (
    `${erased + unreadable + corrupted} personal fields cannot be opened here: ` +
    `${erased} erased, ${unreadable} sealed with keys this ledger never had, ` +
    `${corrupted} altered\n`
  );
}
