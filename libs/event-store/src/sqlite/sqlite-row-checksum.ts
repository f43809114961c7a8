import { crc32 } from 'node:zlib';
import type { ChainedEvent } from '../append-rules';

/** The stored columns of an event row that its checksum covers, in table order. */
export type StoredText = readonly [
  id: string,
  stream: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
  prevHash: string,
  hash: string,
];

/**
 * The CRC-32 of every stored column of an event row but its position (which the gap check at
 * open covers). SQLite keeps no page checksums, so this is what catches a damaged row when it is
 * read, at a fifth of the cost of recomputing its SHA-256. It only detects accidents: whoever can
 * rewrite the file can recompute it, as they can the row's own hash. Rewritten history is what the
 * hash chain, the Merkle log and signed tree heads expose (`ledger verify`).
 */
export function rowChecksum(text: StoredText): number {
  return crc32(text.join('\u0000'));
}

/** The columns a chained event is stored in: its data and metadata as the canonical text hashed. */
export function storedTextOf(event: ChainedEvent): StoredText {
  return [
    event.id,
    event.stream,
    event.revision,
    event.type,
    event.canonicalData,
    event.canonicalMetadata,
    event.prevHash,
    event.hash,
  ];
}
