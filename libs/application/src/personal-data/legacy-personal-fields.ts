import { createSecretKey, randomBytes } from 'node:crypto';
import type { DataKey, JsonObject, KeyStore, PersonalField } from '@cohesion/personal-data';
import type { RecordedEvent } from '@cohesion/event-store';
import { holdsPersonalData, sealEventData } from './personal-fields';
import { sealedFieldsIn } from './sealed-fields';

/**
 * A throwaway key that only ever seals, never stored: sealing an event's data with it is how the
 * one table of personal fields (personal-fields.ts) says which fields a legacy event holds, and
 * whose, without a second copy of that table.
 */
const PROBE_KEY: DataKey = { keyId: 'legacy-probe', key: createSecretKey(randomBytes(32)) };
const PROBE_KEYS: KeyStore = {
  currentKey: () => PROBE_KEY,
  keyById: () => ({ state: 'unknown' }),
  destroySubjectKeys: () => 0,
  subjectOf: () => undefined,
  erasedSubjects: () => [],
};

/**
 * The personal fields an event holds in clear: those of an event recorded before sealing existed
 * (a legacy event). An event sealed at the store's door has none: its fields are envelopes.
 */
export function clearPersonalFieldsOf(event: RecordedEvent): PersonalField[] {
  if (!holdsPersonalData(event.type) || sealedFieldsIn(event.data).length > 0) return [];
  const probed = sealEventData(
    event.type,
    event.data as JsonObject,
    event.metadata.actor,
    PROBE_KEYS,
  );
  return sealedFieldsIn(probed).map(({ path, envelope }) => ({ path, subject: envelope.subject }));
}
