import { isSealed, type JsonObject, type PersonalField } from '@cohesion/personal-data';
import type { RecordedEvent } from '@cohesion/event-store';
import { holdsPersonalData, personalFieldsOf } from './personal-fields';
import { sealedFieldsIn } from './sealed-fields';

/**
 * The personal fields an event holds in clear: those of an event recorded before sealing existed
 * (a legacy event). An event sealed at the store's door has none: its fields are envelopes.
 */
export function clearPersonalFieldsOf(event: RecordedEvent): PersonalField[] {
  if (!holdsPersonalData(event.type) || sealedFieldsIn(event.data).length > 0) return [];
  const data = event.data as JsonObject;
  return personalFieldsOf(event.type, data, event.metadata.actor).filter(({ path }) => {
    const value = valueAt(data, path);
    return value !== undefined && !isSealed(value);
  });
}

/** The value at a dotted path of the data, `undefined` where the path does not lead. */
function valueAt(data: JsonObject, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, field) =>
        value !== null && typeof value === 'object' && Object.hasOwn(value, field)
          ? (value as Record<string, unknown>)[field]
          : undefined,
      data,
    );
}
