import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { TreeHeadDocument } from './documents';
import { sqliteStorageWork } from '@cohesion/event-store';

/**
 * Not a read model: signatures cannot be rebuilt from the log, and forgetting a head once given to
 * partners would let the ledger sign a contradicting one. So a file of its own, beside the events.
 */
export const TREE_HEADS_FILE = 'tree-heads.sqlite';

export const treeHeadsPath = (dataDir: string): string => join(dataDir, TREE_HEADS_FILE);

const SCHEMA = `CREATE TABLE IF NOT EXISTS signed_tree_heads (
  seq       INTEGER PRIMARY KEY,
  tree_size INTEGER NOT NULL,
  root_hash TEXT    NOT NULL,
  timestamp TEXT    NOT NULL,
  signature TEXT    NOT NULL,
  key_id    TEXT    NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS signed_tree_heads_by_size ON signed_tree_heads (tree_size, seq);`;

interface HeadRow {
  readonly tree_size: number;
  readonly root_hash: string;
  readonly timestamp: string;
  readonly signature: string;
  readonly key_id: string;
}

const COLUMNS = 'tree_size, root_hash, timestamp, signature, key_id';

const toDocument = (row: HeadRow): TreeHeadDocument => ({
  treeSize: row.tree_size,
  rootHash: row.root_hash,
  timestamp: row.timestamp,
  signature: row.signature,
  keyId: row.key_id,
});

/** Every tree head the ledger signed, in signing order. */
export class SignedTreeHeadStore {
  private constructor(private readonly db: Database.Database) {}

  /** Synchronous FULL: a head is on disk before anyone is given it. */
  static open(file: string): SignedTreeHeadStore {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    return new SignedTreeHeadStore(db);
  }

  /** For `ledger verify`, which must change nothing. */
  static openReadOnly(file: string): SignedTreeHeadStore {
    return new SignedTreeHeadStore(new Database(file, { readonly: true, fileMustExist: true }));
  }

  latest(): TreeHeadDocument | undefined {
    const sql = `SELECT ${COLUMNS} FROM signed_tree_heads ORDER BY seq DESC LIMIT 1`;
    const row = this.db.prepare(sql).get() as HeadRow | undefined;
    return row && toDocument(row);
  }

  /** The last head signed at this size (one per size, unless the key was changed). */
  atSize(treeSize: number): TreeHeadDocument | undefined {
    const sql = `SELECT ${COLUMNS} FROM signed_tree_heads WHERE tree_size = ? ORDER BY seq DESC LIMIT 1`;
    const row = this.db.prepare(sql).get(treeSize) as HeadRow | undefined;
    return row && toDocument(row);
  }

  all(): TreeHeadDocument[] {
    const sql = `SELECT ${COLUMNS} FROM signed_tree_heads ORDER BY seq`;
    return (this.db.prepare(sql).all() as HeadRow[]).map(toDocument);
  }

  /**
   * Runs `decide` on the latest head and stores the head it returns, if new, in one exclusive
   * transaction: no other process can sign in between the check and the write.
   */
  signNext(
    decide: (latest: TreeHeadDocument | undefined) => {
      head: TreeHeadDocument;
      isNew: boolean;
    },
  ): TreeHeadDocument {
    // A full disk or an I/O fault is the storage's, not a sign of changed history: a 503, not a 500.
    return sqliteStorageWork(() =>
      this.db
        .transaction(() => {
          const { head, isNew } = decide(this.latest());
          if (isNew) {
            this.db
              .prepare(`INSERT INTO signed_tree_heads (${COLUMNS}) VALUES (?, ?, ?, ?, ?)`)
              .run(head.treeSize, head.rootHash, head.timestamp, head.signature, head.keyId);
          }
          return head;
        })
        .immediate(),
    );
  }

  close(): void {
    this.db.close();
  }
}
