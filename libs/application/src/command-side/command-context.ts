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
}

/** What every command answers: where its events went, for read-your-writes. */
export interface CommandResult {
  readonly stream: string;
  /** The stream's revision after the command, as a decimal string (64-bit). */
  readonly revision: string;
  /** The global log position of the command's last event, as a decimal string (64-bit). */
  readonly position: string;
  /** The types of the events the command recorded (empty when it changed nothing). */
  readonly events: readonly string[];
}

/**
 * An id for something the command creates when the client did not name it. Derived from the
 * command id, so a retried request (same Idempotency-Key) creates the same thing, not a twin.
 */
export function generatedId(context: CommandContext, what: string): string {
  return uuidv5(`${context.commandId}/${what}`, GENERATED_ID_NAMESPACE);
}

const GENERATED_ID_NAMESPACE = '0f0c6a4e-3d2b-5f1a-8c7e-9b6d5a4f3e2d';
