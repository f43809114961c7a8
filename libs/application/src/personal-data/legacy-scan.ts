import type { EventStore } from '@cohesion/event-store';
import type { LegacyMark, LegacyMarks } from './legacy-marks';
import { clearPersonalFieldsOf } from './legacy-personal-fields';

/** What a scan found, per event type: how many legacy events, and how many of each field. */
export interface LegacyTypeCount {
  readonly events: number;
  readonly fields: Readonly<Record<string, number>>;
}

export interface LegacyScan extends LegacyMarks {
  readonly eventsRead: number;
  readonly perType: Readonly<Record<string, LegacyTypeCount>>;
}

/**
 * Reads the whole log for the events recorded before sealing that hold personal fields in clear
 * (the table of personal fields says which fields of which types; a field present and not an
 * envelope). Reads only: nothing is re-recorded, the log and its hashes stay as they are.
 */
export async function scanLegacyPersonalData(
  store: EventStore,
  now: Date,
  onProgress: (position: bigint, count: number) => void = () => {},
): Promise<LegacyScan> {
  const events: LegacyMark[] = [];
  const perType: Record<string, { events: number; fields: Record<string, number> }> = {};
  let eventsRead = 0;
  let headPosition = 0n;
  for await (const event of store.readAll()) {
    eventsRead += 1;
    headPosition = event.position;
    onProgress(event.position, eventsRead);
    const fields = clearPersonalFieldsOf(event);
    if (fields.length === 0) continue;
    events.push({
      position: event.position.toString(),
      stream: event.stream,
      type: event.type,
      recordedAt: event.metadata.recordedAt,
      fields,
    });
    const count = (perType[event.type] ??= { events: 0, fields: {} });
    count.events += 1;
    for (const { path } of fields) count.fields[path] = (count.fields[path] ?? 0) + 1;
  }
  return {
    scannedAt: now.toISOString(),
    headPosition: headPosition.toString(),
    eventsRead,
    perType,
    events,
  };
}
