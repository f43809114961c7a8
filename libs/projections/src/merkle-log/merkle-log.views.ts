import type { RecordedEvent } from '@cohesion/event-store';

/** Where a leaf of the Merkle log's event is, as the read model keeps it. */
export interface MerkleLeaf {
  /** 0-based index of the leaf: the event's rank in log order. */
  readonly leafIndex: number;
  /** Position in the whole log (decimal string, 64-bit). */
  readonly position: string;
}

/** A leaf with its event's id, place and hash, as the log holds them. */
export interface MerkleLeafView extends MerkleLeaf {
  readonly eventId: string;
  readonly stream: string;
  /** Revision in its stream (decimal string, 64-bit). */
  readonly revision: string;
  /** The event's hash (hex): the leaf's content. */
  readonly eventHash: string;
}

/** The leaf shown with the event the log holds at its position. */
export function merkleLeafViewOf(leaf: MerkleLeaf, event: RecordedEvent): MerkleLeafView {
  return {
    ...leaf,
    eventId: event.id,
    stream: event.stream,
    revision: String(event.revision),
    eventHash: event.hash,
  };
}
