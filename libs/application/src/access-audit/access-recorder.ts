import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Actor, EVENT_STORE, type EventStore, type NewEvent } from '@cohesion/event-store';
import { type AccessEvent, type AccessEventData, accessStreamOf } from '@cohesion/projections';
import type { Principal } from '../access/principal';

/** Who a request acted for when no principal was established (no or a refused token). */
export const ANONYMOUS: Actor = { sub: 'anonymous', roles: [] };

const MAX_PATH = 500;
const MAX_REASON = 300;
/** Anything shaped like a JWT: a reason must never carry a token, even quoted in an error. */
const TOKEN_LIKE = /[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g;

/** The request an access event is about, as the edge that received it describes it. */
export interface AccessAttempt {
  /** Undefined when no principal was established (no or a refused credential). */
  readonly principal: Principal | undefined;
  readonly method: string;
  /** The route pattern that matched (e.g. `/conflicts/:conflictId/replay`), null when none did. */
  readonly route: string | null;
  /** The path as requested, query string included or not (the query is never recorded). */
  readonly path: string;
  /** The client's network address, to count refusals per client (never recorded as such). */
  readonly client?: string;
}

export interface AccessDecision {
  readonly type: AccessEvent['type'];
  readonly status: number;
  readonly reason: string;
  readonly conflictId: string | null;
  /** For refusals counted together: how many, from which client tag, since when. */
  readonly counted?: { readonly count: number; readonly client: string; readonly since: string };
}

/**
 * Appends access events to the day's access stream (`access-YYYY-MM-DD`, hash-chained like any
 * stream; `any` revision since requests of a day append concurrently). Recording never fails a
 * request: an append that fails is logged and the request goes on.
 */
@Injectable()
export class AccessRecorder {
  private readonly logger = new Logger(AccessRecorder.name);

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  record(attempt: AccessAttempt, decision: AccessDecision): Promise<void> {
    return this.recordAll(attempt, [decision]);
  }

  /** Several decisions on one request (a list of confidential cases), in one append. */
  async recordAll(attempt: AccessAttempt, decisions: readonly AccessDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    try {
      const events = decisions.map((decision) => accessEvent(attempt, decision));
      await this.store.append(accessStreamOf(new Date()), events, { expectedRevision: 'any' });
    } catch (error) {
      const types = [...new Set(decisions.map(({ type }) => type))].join(', ');
      this.logger.error(
        `Could not record ${types} for ${attempt.method} ${pathOf(attempt)}: ${String(error)}`,
      );
    }
  }
}

function accessEvent(attempt: AccessAttempt, decision: AccessDecision): NewEvent {
  const { principal } = attempt;
  const id = randomUUID();
  const data: AccessEventData = {
    authenticated: principal !== undefined,
    method: attempt.method,
    route: attempt.route,
    path: pathOf(attempt),
    conflictId: decision.conflictId,
    status: decision.status,
    reason: decision.reason.replace(TOKEN_LIKE, '[token]').slice(0, MAX_REASON),
    ...(decision.counted ?? {}),
  };
  return {
    id,
    type: decision.type,
    data,
    metadata: {
      actor: actorOf(principal ?? ANONYMOUS),
      commandId: id,
      correlationId: id,
      causationId: id,
      schemaVersion: 1,
    },
  };
}

/** The path only: a query string may carry what must not be recorded. */
function pathOf(attempt: AccessAttempt): string {
  return attempt.path.split('?')[0].slice(0, MAX_PATH);
}

/** As plain JSON: no undefined members, which the store refuses. */
function actorOf({ sub, partnerId, roles }: Actor): Actor {
  return { sub, ...(partnerId !== undefined ? { partnerId } : {}), roles: [...(roles ?? [])] };
}
