import type Database from 'better-sqlite3';
import { GENESIS_HASH, hashEvent } from '@cohesion/event-store/hashing/event-hash';
import { fromBase64, bytesEqual, MerkleLog, toBase64 } from '@cohesion/merkle';
import { eventHashBytes, nativeMerkleHasher } from '@cohesion/projections/merkle-log';
import type { TreeHeadDocument } from '@cohesion/application';
import { type EventRow, eventRows, hashedContentOf } from './event-rows';
import { FrontierHashStore } from './frontier-hash-store';
import { StoredMerkleLog } from './stored-merkle-log';
import { checkSignatures, describeHead, type TreeHeadPublicKey } from './tree-head-checks';

export interface LedgerSources {
  /** The embedded store's database, opened read-only. */
  readonly events: Database.Database;
  /** This node's read-model database, if it has one: its Merkle log is compared too. */
  readonly readModels?: Database.Database;
  /** Every tree head the ledger signed, in signing order. */
  readonly heads: readonly TreeHeadDocument[];
  /** The ledger's tree-head key, when it can be found: signatures are then checked. */
  readonly publicKey?: TreeHeadPublicKey;
  /** Told how many events have been checked so far, after each one (for progress). */
  readonly onEventChecked?: (checked: number) => void;
}

export type Damage =
  | {
      readonly kind: 'event';
      readonly position: bigint;
      readonly stream: string;
      readonly revision: bigint;
      readonly eventId: string;
      readonly reason: string;
    }
  | { readonly kind: 'merkle-log'; readonly reason: string }
  | { readonly kind: 'tree-head'; readonly head: TreeHeadDocument; readonly reason: string };

export interface LedgerCheckReport {
  /** Events checked: all of them, or those before the damage. */
  readonly events: number;
  readonly streams: number;
  /** Root of the tree recomputed from the events checked (base64). */
  readonly root: string;
  /** Leaves of the stored Merkle log compared; undefined when there is none. */
  readonly storedLeaves?: number;
  readonly heads: { readonly matched: number; readonly signed: number; readonly otherKeys: number };
  /** The first damage in log order, if any. */
  readonly damage?: Damage;
}

class DamageFound extends Error {
  constructor(readonly damage: Damage) {
    super(damage.reason);
  }
}

const eventDamage = (row: EventRow, reason: string): DamageFound =>
  new DamageFound({
    kind: 'event',
    position: row.position,
    stream: row.stream,
    revision: row.revision,
    eventId: row.id,
    reason,
  });

/**
 * Walks the whole log once, in order: each event against its own hash and its stream's chain,
 * then as the next leaf of a Merkle tree recomputed from scratch, compared with the stored tree
 * and with every signed tree head as its size is reached. Stops at the first damage, which is
 * therefore the earliest in log order.
 */
export async function checkLedger(sources: LedgerSources): Promise<LedgerCheckReport> {
  const signatures = await checkSignatures(sources.heads, sources.publicKey);
  const stored = StoredMerkleLog.open(sources.readModels);
  const tails = new Map<string, { revision: bigint; hash: string }>();
  const log = new MerkleLog(
    new FrontierHashStore((node) => {
      const reason = stored?.nodeMismatch(node);
      if (reason) throw new DamageFound({ kind: 'merkle-log', reason });
    }),
    nativeMerkleHasher,
  );
  let matched = 0;
  const checkHeadsAt = (size: number) => {
    for (const head of sources.heads.filter((candidate) => candidate.treeSize === size)) {
      const root = fromBase64(head.rootHash);
      if (!root || !bytesEqual(root, log.root())) {
        const reason = `the first ${size} events do not match ${describeHead(head)}: the history it vouched for was rewritten`;
        throw new DamageFound({ kind: 'tree-head', head, reason });
      }
      const failure = signatures.failures.get(head);
      if (failure) throw new DamageFound({ kind: 'tree-head', head, reason: failure });
      matched += 1;
    }
  };
  const report = (damage?: Damage): LedgerCheckReport => ({
    events: log.size(),
    streams: tails.size,
    root: toBase64(log.root()),
    storedLeaves: stored && Math.min(stored.size, log.size()),
    heads: { matched, signed: signatures.checked, otherKeys: signatures.otherKeys },
    damage,
  });

  try {
    checkHeadsAt(0);
    for (const row of eventRows(sources.events)) {
      checkEvent(row, log.size(), tails);
      const leaf = eventHashBytes(row.hash);
      const mismatch = stored?.leafMismatch(log.size(), row, nativeMerkleHasher.hashLeaf(leaf));
      if (mismatch) throw eventDamage(row, mismatch);
      log.append([leaf]);
      tails.set(row.stream, { revision: row.revision, hash: row.hash });
      checkHeadsAt(log.size());
      sources.onEventChecked?.(log.size());
    }
    checkNothingRemoved(log.size(), stored, sources.heads);
    return report();
  } catch (error) {
    if (error instanceof DamageFound) return report(error.damage);
    throw error;
  }
}

/** The event against its own hash and its stream's chain; `index` is its rank in the log. */
function checkEvent(
  row: EventRow,
  index: number,
  tails: ReadonlyMap<string, { revision: bigint; hash: string }>,
): void {
  // Positions are 1, 2, 3… in the embedded store: a jump means rows were removed before this one.
  if (row.position !== BigInt(index + 1)) {
    throw eventDamage(row, `it is event ${index + 1} of the log but has position ${row.position}`);
  }
  const tail = tails.get(row.stream);
  const revision = tail ? tail.revision + 1n : 0n;
  if (row.revision !== revision) {
    throw eventDamage(row, `revision ${revision} was expected in its stream`);
  }
  if (row.prev_hash !== (tail?.hash ?? GENESIS_HASH)) {
    throw eventDamage(row, 'its prevHash is not the hash of the event before it in its stream');
  }
  const content = hashedContentOf(row);
  if (typeof content === 'string') throw eventDamage(row, content);
  if (hashEvent(content) !== row.hash) {
    throw eventDamage(row, 'its content does not match its hash (the event was altered)');
  }
}

/** A signed head or stored tree larger than the log means events were removed at its end. */
function checkNothingRemoved(
  events: number,
  stored: StoredMerkleLog | undefined,
  heads: readonly TreeHeadDocument[],
): void {
  const beyond = heads.find((head) => head.treeSize > events);
  if (beyond) {
    const reason = `${describeHead(beyond)} vouched for ${beyond.treeSize} events, the log holds only ${events}: events were removed`;
    throw new DamageFound({ kind: 'tree-head', head: beyond, reason });
  }
  if (stored && stored.size > events) {
    const reason = `the Merkle log holds ${stored.size} events, the log only ${events}: events were removed`;
    throw new DamageFound({ kind: 'merkle-log', reason });
  }
}
