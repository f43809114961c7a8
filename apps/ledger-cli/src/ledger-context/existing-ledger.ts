import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateLedgerConfig } from '@cohesion/application';
import { EVENTS_FILE } from '../verify/data-dir-files';

/**
 * Refuses to work on an embedded store that is not there: opening it would create an empty one,
 * and the operator most likely has the wrong LEDGER_DATA_DIR. (EventStoreDB is always "there";
 * whether it can be reached is the first read's to say.)
 */
export function assertLedgerExists(): void {
  const settings = validateLedgerConfig(process.env);
  if (settings.EVENTSTORE_CONNECTION_STRING) return;
  const file = join(settings.LEDGER_DATA_DIR, EVENTS_FILE);
  if (!existsSync(file)) {
    throw new Error(`no event store at ${file}: is LEDGER_DATA_DIR the API's data directory?`);
  }
}
