import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { ReadAllFilter } from '../event-store.port';
import { isSystemEvent } from './eventstoredb-envelope';

/** Whether an event of `$all` belongs in a ledger read with this filter; empty lists filter nothing. */
export function isWantedLedgerEvent(event: EsdbRecordedEvent, filter: ReadAllFilter = {}): boolean {
  if (isSystemEvent(event)) return false;
  const types = filter.eventTypes ?? [];
  const prefixes = filter.streamPrefixes ?? [];
  return (
    (types.length === 0 || types.includes(event.type)) &&
    (prefixes.length === 0 || prefixes.some((prefix) => event.streamId.startsWith(prefix)))
  );
}

/**
 * The server-side filter that narrows a subscription most. ESDB filters on one thing only (stream
 * name or event type), so whatever it cannot express is still checked by `isWantedLedgerEvent`.
 */
export function serverFilterFor(filter: ReadAllFilter = {}): Filter {
  const types = filter.eventTypes ?? [];
  const prefixes = filter.streamPrefixes ?? [];
  if (types.length > 0) {
    return eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
  }
  if (prefixes.length > 0) return streamNameFilter({ prefixes: [...prefixes] });
  return excludeSystemEvents();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
