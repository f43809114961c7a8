/** Which event a leaf of the Merkle log is. */
export interface MerkleLeafView {
  /** 0-based index of the leaf: the event's rank in log order. */
  readonly leafIndex: number;
  readonly eventId: string;
  /** Position in the whole log (decimal string, 64-bit). */
  readonly position: string;
  readonly stream: string;
  /** Revision in its stream (decimal string, 64-bit). */
  readonly revision: string;
  /** The event's hash (hex): the leaf's content. */
  readonly eventHash: string;
}
