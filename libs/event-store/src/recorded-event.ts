/** JSON as it is stored and hashed: no undefined, no functions, no bigint, no NaN/Infinity. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The principal on whose behalf an event was recorded; it comes from authentication, never a request body. */
export interface Actor {
  /** The person or system (a token's `sub`). */
  readonly sub: string;
  /** The partner the person acts for, when acting as a partner. */
  readonly partnerId?: string;
  readonly roles?: readonly string[];
}

/** What the caller knows about an event it appends; the store adds `recordedAt`. */
export interface EventMetadataInput {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly schemaVersion: number;
  /**
   * SHA-256 of the command's type and data: tells a retried command (same id, same fingerprint)
   * from another command sent under a reused id.
   */
  readonly commandFingerprint?: string;
  /**
   * The day the act took effect in the world (YYYY-MM-DD), as its recorder says; `recordedAt` says
   * when the ledger learned it. Absent from events recorded before effective dates existed.
   */
  readonly effectiveDate?: string;
  /** Why an act dated long before it was recorded (back-filled) is recorded only now. */
  readonly backfillReason?: string;
}

export interface EventMetadata extends EventMetadataInput {
  /** ISO-8601 instant at which the store accepted the append. */
  readonly recordedAt: string;
}

/** An event proposed for appending. Its id is derived from the command id (see `eventIdFor`). */
export interface NewEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadataInput;
}

/** The envelope of an event as it stands in the log, forever. */
export interface RecordedEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly id: string;
  readonly stream: string;
  /** 0 for a stream's first event, then +1 for each event. */
  readonly revision: bigint;
  /** Position in the whole log: strictly increasing in log order (gap-free in the SQLite store). */
  readonly position: bigint;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** Hash of the stream's previous event (`GENESIS_HASH` for revision 0). */
  readonly prevHash: string;
  /** SHA-256 over `prevHash` and the canonical JSON of this event without `hash` and `position`. */
  readonly hash: string;
}

/**
 * The day an event took effect: as its recorder said, or, for events recorded before effective
 * dates existed, the day it was recorded.
 */
export function effectiveDateOf(event: RecordedEvent): string {
  return event.metadata.effectiveDate ?? event.metadata.recordedAt.slice(0, 10);
}

/** Why an act was recorded long after it took effect: present only on back-filled acts. */
export function backfillReasonOf(event: RecordedEvent): string | undefined {
  return event.metadata.backfillReason;
}
