import { MerkleLogError } from '@cohesion/merkle';
import { hashStoreContract } from '@cohesion/merkle/log/testing/hash-store-contract';
import { openReadModelDatabase } from '../runner/read-model-database';
import { MERKLE_LOG_SCHEMA } from './merkle-log.schema';
import { SqliteHashStore } from './sqlite-hash-store';

function freshStore(): SqliteHashStore {
  const db = openReadModelDatabase(':memory:');
  db.exec(MERKLE_LOG_SCHEMA);
  return new SqliteHashStore(db);
}

hashStoreContract('sqlite', freshStore);

describe('SqliteHashStore', () => {
  it('refuses an out-of-order batch and stores none of it', () => {
    const store = freshStore();
    const hash = new Uint8Array(32);
    expect(() =>
      store.putNodes([
        { level: 0, index: 0, hash },
        { level: 0, index: 2, hash },
      ]),
    ).toThrow(MerkleLogError);
    expect(store.size()).toBe(0);
    expect(() => store.getNode(0, 0)).toThrow(MerkleLogError);
  });

  it('answers plain Uint8Arrays, not the driver’s Buffers', () => {
    const store = freshStore();
    store.putNodes([{ level: 0, index: 0, hash: new Uint8Array(32).fill(7) }]);
    expect(Object.getPrototypeOf(store.getNode(0, 0))).toBe(Uint8Array.prototype);
  });
});
