import type { DomainEvent } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { ProjectionHandler } from '../projector';

/** What a read model does with each event type it handles, given that event's data, typed. */
export type EventHandlers<E extends DomainEvent> = {
  readonly [T in E['type']]?: (data: Extract<E, { type: T }>['data'], event: RecordedEvent) => void;
};

type UntypedHandler = (data: unknown, event: RecordedEvent) => void;

/**
 * One projection handler from a table of handlers by event type; other types are ignored. Only
 * the table's own keys count, so an event named after an Object method changes nothing.
 */
export function dispatch<E extends DomainEvent>(handlers: EventHandlers<E>): ProjectionHandler {
  const table = handlers as Readonly<Record<string, UntypedHandler | undefined>>;
  return (event) => {
    if (Object.hasOwn(table, event.type)) table[event.type]?.(event.data, event);
  };
}

/** Applies every event to each handler, in the order given. */
export function allOf(...handlers: readonly ProjectionHandler[]): ProjectionHandler {
  return (event) => {
    for (const handle of handlers) handle(event);
  };
}
