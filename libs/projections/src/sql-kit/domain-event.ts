import type { DomainEvent } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';

/**
 * An envelope read as the union of domain events a projector handles, unchecked. The log holds
 * only domain events; those of other types fall to the projector's `default` branch and are
 * ignored.
 */
export function domainEventOf<E extends { type: string; data: unknown }>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}

/** Every type of an event union, so that the compiler checks none is forgotten. */
export type EventTypes<E extends DomainEvent> = Readonly<Record<E['type'], true>>;

/**
 * The recorded event as one of the union's events, checked against the table of its types, or
 * `undefined` for any other type (only the table's own keys count).
 */
export function handledEventOf<E extends DomainEvent>(
  types: EventTypes<E>,
  event: RecordedEvent,
): E | undefined {
  if (!Object.prototype.hasOwnProperty.call(types, event.type)) return undefined;
  return domainEventOf<E>(event);
}
