import { backfillReasonOf, effectiveDateOf, type RecordedEvent } from '@cohesion/event-store';

/** The business time of an act, as a read model stores it beside its recorded time. */
export interface ActColumns {
  /** The day it took effect (YYYY-MM-DD). */
  readonly effectiveDate: string;
  /** Why it was recorded long after (back-filled); null when recorded in time. */
  readonly backfillReason: string | null;
}

export function actColumnsOf(event: RecordedEvent): ActColumns {
  return { effectiveDate: effectiveDateOf(event), backfillReason: backfillReasonOf(event) ?? null };
}

/** How every read model marks a back-filled act: visibly, with its reason. */
export interface BackfillMark {
  readonly backfilled: boolean;
  /** Why it was recorded only long after it took effect; null unless back-filled. */
  readonly backfillReason: string | null;
}

export function backfillMarkOf(reason: string | null): BackfillMark {
  return { backfilled: reason !== null, backfillReason: reason };
}
