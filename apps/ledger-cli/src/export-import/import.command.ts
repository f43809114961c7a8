import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Help, CommandRunner, SubCommand } from 'nest-commander';
import { validateLedgerConfig } from '@cohesion/application';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { EventStoreContextModule } from '../ledger-context/ledger-context.module';
import { withContext, withWritingContext } from '../ledger-context/with-context';
import { withProgress } from '../progress/progress';
import { importEvents, type ImportLine } from './import-events';

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
    // Into EventStoreDB, the data directory is not written: API nodes may run meanwhile.
    const withStore = validateLedgerConfig(process.env).EVENTSTORE_CONNECTION_STRING
      ? withContext
      : withWritingContext;
    await withStore(EventStoreContextModule.forRoot(), async (context) => {
      const store = context.get<EventStore>(EVENT_STORE);
      let bytes = 0;
      const report = await withProgress('import', size, 'events', (progress) =>
        importEvents(store, linesOf(file), (line, sofar) => {
          bytes += line.bytes;
          progress.update(bytes, sofar.imported + sofar.alreadyPresent);
        }),
      );
      process.stdout.write(
        `imported ${report.imported} events (${report.alreadyPresent} already present)\n`,
      );
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
