import { InMemoryHashStore } from './in-memory-hash-store';
import { MerkleLogError } from './merkle-log-error';
import { hashStoreContract } from './testing/hash-store-contract';

hashStoreContract('in memory', () => new InMemoryHashStore());

describe('InMemoryHashStore', () => {
  it('refuses an out-of-order batch and stores none of it', () => {
    const store = new InMemoryHashStore();
    const hash = new Uint8Array(32);
    expect(() =>
      store.putNodes([
        { level: 0, index: 0, hash },
        { level: 0, index: 2, hash },
      ]),
    ).toThrow(MerkleLogError);
    expect(store.size()).toBe(0);
  });
});
