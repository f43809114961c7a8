import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@cohesion/event-store';
import { describeEventStoreContract } from './event-store-contract';

describeEventStoreContract('SQLite (temp file)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
  const file = join(directory, 'events.sqlite');
  return Promise.resolve({
    open: () => Promise.resolve(new SqliteEventStore({ file, pageSize: 64 })),
    dispose: () => Promise.resolve(rmSync(directory, { recursive: true, force: true })),
  });
});
