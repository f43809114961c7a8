import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { assertLedgerExists } from '../ledger-context/existing-ledger';
import { EventStoreContextModule } from '../ledger-context/ledger-context.module';
import { withContext } from '../ledger-context/with-context';
import { withProgress } from '../progress/progress';
import { exportLine } from './exported-event';

interface ExportOptions {
  readonly out?: string;
}

/** `ledger export`: the whole log as JSON Lines, in log order, to stdout or a file. */
@SubCommand({
  name: 'export',
  description:
    'Write the whole log as JSON Lines (one event a line: id, stream, revision, position, type, ' +
    'data, metadata with recordedAt, prevHash, hash), to stdout or --out',
})
export class ExportCommand extends CommandRunner {
  async run(_params: string[], options: ExportOptions): Promise<void> {
    assertLedgerExists();
    await withContext(EventStoreContextModule.forRoot(), async (context) => {
      const store = context.get<EventStore>(EVENT_STORE);
      const out = options.out ? createWriteStream(options.out, { flags: 'wx' }) : process.stdout;
      if (options.out) await once(out, 'open');
      const count = await exportLog(store, out);
      if (options.out) {
        out.end();
        await once(out, 'finish');
        process.stderr.write(`ledger export: ${count} events written to ${options.out}\n`);
      }
    });
  }

  @Option({ flags: '--out <file>', description: 'write to this new file instead of stdout' })
  parseOut(value: string): string {
    return value;
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Examples:',
      '  npx ledger export > ledger.jsonl',
      '  npx ledger export --out ledger.jsonl',
    ].join('\n');
  }
}

/** Writes every event of the log to `out`, waiting whenever `out` asks to; returns the count. */
async function exportLog(store: EventStore, out: Writable): Promise<number> {
  const head = await store.headPosition();
  return withProgress('export', Number(head), 'events', async (progress) => {
    let count = 0;
    for await (const event of store.readAll()) {
      if (!out.write(`${exportLine(event)}\n`)) await once(out, 'drain');
      count += 1;
      progress.update(Number(event.position), count);
    }
    return count;
  });
}
