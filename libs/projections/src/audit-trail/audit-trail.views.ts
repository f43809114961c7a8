import { backfillReasonOf, effectiveDateOf, type RecordedEvent } from '@cohesion/event-store';
import { backfillMarkOf, type BackfillMark } from '../projection-kit';

/** One thing a principal did: an event of the log, and under which command it was recorded. */
export interface AuditEntryView extends BackfillMark {
  /** Position in the whole log (decimal string, 64-bit): the trail's order. */
  readonly position: string;
  readonly recordedAt: string;
  /** The day the act took effect, as its recorder said (the day recorded, for older events). */
  readonly effectiveDate: string;
  readonly actor: {
    readonly sub: string;
    readonly partnerId: string | null;
    readonly roles: readonly string[];
  };
  readonly stream: string;
  readonly revision: string;
  readonly type: string;
  readonly eventId: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
}

/** The entry of an act, from its event as the log holds it (its envelope; the data is not read). */
export function auditEntryOf(event: RecordedEvent): AuditEntryView {
  const { position, stream, revision, type, id, metadata } = event;
  return {
    position: String(position),
    recordedAt: metadata.recordedAt,
    effectiveDate: effectiveDateOf(event),
    ...backfillMarkOf(backfillReasonOf(event) ?? null),
    actor: {
      sub: metadata.actor.sub,
      partnerId: metadata.actor.partnerId ?? null,
      roles: metadata.actor.roles ?? [],
    },
    stream,
    revision: String(revision),
    type,
    eventId: id,
    commandId: metadata.commandId,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
  };
}
