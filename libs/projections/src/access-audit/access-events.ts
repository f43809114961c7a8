import type { DomainEvent } from '@cohesion/domain';

/**
 * Access events are not business facts: they say who read a confidential conflict case, and who
 * was refused. They live in streams of their own, one per UTC day, so that business streams and
 * their revisions stay untouched and the business log can be counted without them.
 */
export const ACCESS_STREAM_PREFIX = 'access-';

export const ACCESS_OUTCOMES = ['granted', 'denied'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];

/**
 * What was asked and how it was answered. Never the request body, the query string or a token:
 * the audit must not become a second copy of confidential statements or of credentials. Who asked
 * is the event's `metadata.actor` (`anonymous` when no principal was established).
 */
export type AccessEventData = {
  /** False when the request carried no valid credentials (`metadata.actor.sub` is `anonymous`). */
  readonly authenticated: boolean;
  readonly method: string;
  /** The route pattern (e.g. `/conflicts/:conflictId/replay`), null when no route matched. */
  readonly route: string | null;
  readonly path: string;
  /** The conflict case read or asked for, when there is one. */
  readonly conflictId: string | null;
  readonly status: number;
  readonly reason: string;
  /**
   * How many requests the event stands for (1 when absent): refusals of requests without valid
   * credentials are counted per client and minute, so that anonymous traffic cannot make the
   * ledger write one event per request.
   */
  readonly count?: number;
  /** Who sent them, as a pseudonymous tag of the client's address (not the address itself). */
  readonly client?: string;
  /** When the first of them came (`metadata.recordedAt` is when they were recorded). */
  readonly since?: string;
};

export type AccessGranted = DomainEvent<'AccessGranted', AccessEventData>;
export type AccessDenied = DomainEvent<'AccessDenied', AccessEventData>;
export type AccessEvent = AccessGranted | AccessDenied;

export const ACCESS_EVENT_OUTCOMES: Readonly<Record<AccessEvent['type'], AccessOutcome>> = {
  AccessGranted: 'granted',
  AccessDenied: 'denied',
};

/** The access stream of the UTC day of `instant`: `access-YYYY-MM-DD`. */
export function accessStreamOf(instant: Date): string {
  return `${ACCESS_STREAM_PREFIX}${instant.toISOString().slice(0, 10)}`;
}
