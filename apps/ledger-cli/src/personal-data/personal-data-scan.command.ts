import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import {
  type LegacyScan,
  legacyMarksPath,
  scanLegacyPersonalData,
  validateLedgerConfig,
  writeLegacyMarks,
} from '@cohesion/application';
import { assertLedgerExists } from '../ledger-context/existing-ledger';
import { EventStoreContextModule } from '../ledger-context/ledger-context.module';
import { withWritingContext } from '../ledger-context/with-context';
import { withProgress } from '../progress/progress';

interface ScanOptions {
  readonly json?: boolean;
}

/**
 * `ledger personal-data scan`: the one-off migration of a ledger recorded before sealing. Lists
 * the events that hold personal fields in clear (they cannot be shredded: the log never changes)
 * and marks them in the data directory, where the subject access reports find them. Re-records
 * nothing; run again, it replaces the marks with what the log holds now.
 */
@SubCommand({
  name: 'scan',
  description:
    'List the events recorded before sealing that hold personal data in clear (per type, with ' +
    'positions and streams), and mark them for the subject access reports; re-records nothing',
})
export class PersonalDataScanCommand extends CommandRunner {
  async run(_params: string[], options: ScanOptions): Promise<void> {
    assertLedgerExists();
    const dataDir = validateLedgerConfig(process.env).LEDGER_DATA_DIR;
    const scan = await withWritingContext(EventStoreContextModule.forRoot(), async (context) => {
      const store = context.get<EventStore>(EVENT_STORE);
      const head = Number(await store.headPosition());
      const found = await withProgress('scan', head, 'events', (progress) =>
        scanLegacyPersonalData(store, new Date(), (position, count) =>
          progress.update(Number(position), count),
        ),
      );
      const { eventsRead: _read, perType: _perType, ...marks } = found;
      writeLegacyMarks(dataDir, marks);
      return found;
    });
    const marksFile = legacyMarksPath(dataDir);
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ ...scan, marksFile }, null, 2)}\n`
        : report(scan, marksFile),
    );
  }

  @Option({ flags: '--json', description: 'print the counts and every event found as JSON' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Examples:',
      '  npx ledger personal-data scan',
      '  npx ledger personal-data scan --json | jq ".events[] | [.position, .stream, .type]"',
    ].join('\n');
  }
}

function report(scan: LegacyScan, marksFile: string): string {
  const types = Object.entries(scan.perType).map(
    ([type, { events, fields }]) =>
      `  ${type}: ${events} event(s) (${Object.entries(fields)
        .map(([path, count]) => `${path} ${count}`)
        .join(', ')})`,
  );
  return [
    `${scan.events.length} event(s) of ${scan.eventsRead} hold personal data in clear ` +
      `(log read up to position ${scan.headPosition})`,
    ...types,
    ...scan.events.map(({ position, stream, type }) => `  #${position} ${stream} ${type}`),
    `Marked in ${marksFile}: subject access reports list these fields.`,
    '',
  ].join('\n');
}
