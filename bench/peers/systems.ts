import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openEmmettSqliteStore } from './emmett-sqlite-store';
import { openLedgerStore } from './ledger-store';
import { openRawSqliteStore } from './raw-sqlite-store';
import { EMMETT, type OpenStore, OURS, RAW, type StoreUnderTest } from './store-under-test';

export interface StoreKind {
  /** As named in the tables. */
  readonly system: string;
  readonly open: OpenStore;
}

/** Ours first: the tables and ratios read ours against each peer. */
export const STORES: readonly StoreKind[] = [
  { system: OURS, open: openLedgerStore },
  { system: RAW, open: openRawSqliteStore },
  { system: EMMETT, open: openEmmettSqliteStore },
];

export interface FreshStore {
  readonly store: StoreUnderTest;
  /** Closes the store and deletes its file. */
  readonly dispose: () => Promise<void>;
}

/** Opens the store on a new file under `scratch`. */
export async function openFreshStore(
  { open }: StoreKind,
  scratch: string,
  concurrent: boolean,
): Promise<FreshStore> {
  const directory = mkdtempSync(join(scratch, 'store-'));
  const store = await open({ file: join(directory, 'events.sqlite'), concurrent });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Runs `work` on the store opened on a new file, then closes it and deletes the file. */
export async function withFreshStore<T>(
  kind: StoreKind,
  scratch: string,
  concurrent: boolean,
  work: (store: StoreUnderTest) => Promise<T>,
): Promise<T> {
  const { store, dispose } = await openFreshStore(kind, scratch, concurrent);
  try {
    return await work(store);
  } finally {
    await dispose();
  }
}
