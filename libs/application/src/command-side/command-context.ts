import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { CommandMetadata } from '@cohesion/domain';

/** Everything about a command that does not come from its body: who, when, and its ids. */
export interface CommandContext {
  readonly actor: CommandMetadata['actor'];
  /** From the Idempotency-Key header, or generated: a retried request with the same key is stored once. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** The ISO instant at which the command is decided. */
  readonly now: string;
  /**
   * The day the act took effect in the world, as the request says (YYYY-MM-DD); today when absent.
   * The ledger records it beside the instant it records the act (`recordedAt`).
   */
  readonly effectiveDate?: string;
  /** Why an act dated long ago (back-filled) is recorded only now; required then. */
  readonly backfillReason?: string;
}

/** What every command answers: where its events went, for read-your-writes. */
export interface CommandResult {
  /** The id of the aggregate the command acted on (the one it created, for a create). */
  readonly id: string;
  readonly stream: string;
  /** The stream's revision after the command, as a decimal string (64-bit). */
  readonly revision: string;
  /** The global log position of the command's last event, as a decimal string (64-bit). */
  readonly position: string;
  /** The types of the events the command recorded (empty when it changed nothing). */
  readonly events: readonly string[];
}

/** What an edge knows of a command request, to give it its context. */
export interface CommandRequest {
  readonly actor: CommandContext['actor'];
  /**
   * The client's Idempotency-Key, if it sent one: the same key from the same principal on the
   * same route is the same command, recorded once.
   */
  readonly idempotencyKey?: string;
  /** Where the command was asked for (e.g. `POST /contributions/:contributionId/reversal`). */
  readonly route: string;
  /** Groups the events of one user action; defaults to the Idempotency-Key, else the command id. */
  readonly correlationId?: string;
  /** The day the act took effect, when the request says (today otherwise). */
  readonly effectiveDate?: string;
  /** Why a back-filled act is recorded only now. */
  readonly backfillReason?: string;
}

/**
 * The command's context. A client's Idempotency-Key is scoped to the principal and the route: the
 * command id derives from all three, so that no other principal can take a key first, collide
 * with it, or learn anything from it (event ids derive from the command id). The key itself stays
 * visible as the correlation id, unless the client named one.
 */
export function commandContextFor(request: CommandRequest, now = new Date()): CommandContext {
  const { actor, idempotencyKey, route } = request;
  const commandId =
    idempotencyKey === undefined
      ? randomUUID()
      : uuidv5(JSON.stringify([actor.sub, route, idempotencyKey]), IDEMPOTENT_COMMAND_NAMESPACE);
  const { effectiveDate, backfillReason } = request;
  return {
    actor,
    commandId,
    correlationId: request.correlationId ?? idempotencyKey ?? commandId,
    causationId: commandId,
    now: now.toISOString(),
    ...(effectiveDate !== undefined ? { effectiveDate } : {}),
    ...(backfillReason !== undefined ? { backfillReason } : {}),
  };
}

/** Fixed: changing it would make every retry of a keyed command a new command. */
const IDEMPOTENT_COMMAND_NAMESPACE = '3b9f1c52-7d4e-5a86-9c21-4e8d7f0a6b13';

/**
 * An id for something the command creates when the client did not name it. Derived from the
 * command id, so a retried request (same Idempotency-Key) creates the same thing, not a twin.
 */
export function generatedId(context: CommandContext, what: string): string {
  return uuidv5(`${context.commandId}/${what}`, GENERATED_ID_NAMESPACE);
}

const GENERATED_ID_NAMESPACE = '0f0c6a4e-3d2b-5f1a-8c7e-9b6d5a4f3e2d';

/** Between a partnership's id and the id of one of its objects (partnership ids never hold it). */
export const PARTNERSHIP_ID_SEPARATOR = '--';

/**
 * The id of an object a request creates in a partnership (a commitment, a contribution, an
 * agreement, a conflict, feedback): the id the client chose (generated when absent), qualified by
 * the partnership, `<partnershipId>--<id>`, unless it already is. Ids are thus per partnership:
 * an id taken in another partnership is as free here as one never used, so that creating one
 * tells nothing of another partnership's objects (which a global id space would: "already exists").
 */
export function idInPartnership(
  partnershipId: string,
  requested: string | undefined,
  context: CommandContext,
  what: string,
): string {
  const prefix = `${partnershipId}${PARTNERSHIP_ID_SEPARATOR}`;
  const id = requested ?? generatedId(context, what);
  return id.startsWith(prefix) ? id : `${prefix}${id}`;
}
