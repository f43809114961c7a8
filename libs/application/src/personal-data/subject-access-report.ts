import {
  type JsonObject,
  type JsonValue,
  type KeyStore,
  openAll,
  type SealedValue,
} from '@cohesion/personal-data';
import { effectiveDateOf, type RecordedEvent } from '@cohesion/event-store';
import { aggregateOfStream, idOfStream } from '../command-side/streams';
import { type DataSubject, keySubjectsOf } from './data-subject';
import type { LegacyMarks } from './legacy-marks';
import { sealedFieldsIn } from './sealed-fields';

/** An event the person recorded (its metadata names them as the actor). */
export interface RecordedByEntry {
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly effectiveDate: string;
}

/**
 * How a field stands: `open` (sealed, opened here), `erased` (its key destroyed: the value is the
 * marker), `unreadable` (a key this ledger never knew, or an altered envelope), `clear` (a legacy
 * event recorded before sealing: the value is in the log as it is).
 */
export type FieldState = 'open' | 'erased' | 'unreadable' | 'clear';

/** A personal field about the subject, in one event. */
export interface PersonalFieldEntry {
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly path: string;
  /** The key subject it is sealed for (a person id, `resident-<feedbackId>`…). */
  readonly keySubject: string;
  readonly state: FieldState;
  readonly value: JsonValue;
}

/** The read models that hold a subject's fields (as envelopes), by the aggregate of the event. */
export const READ_MODEL_OF = {
  person: 'people_directory',
  feedback: 'impact',
  conflict: 'conflict_cases',
} as const;
type ReadModelName = (typeof READ_MODEL_OF)[keyof typeof READ_MODEL_OF];

/** Where the subject appears in a read model: which row (its id) and which of its fields. */
export interface ReadModelAppearance {
  readonly readModel: ReadModelName;
  readonly id: string;
  /** The fields of the row that came from the subject's fields: `email`, `text`, `summary`… */
  readonly fields: readonly string[];
}

export interface SubjectAccessReport {
  readonly subject: DataSubject;
  readonly keySubjects: readonly string[];
  readonly generatedAt: string;
  /** The last position of the log read: the report holds everything recorded up to it. */
  readonly logPosition: string;
  /** The legacy scan consulted for fields in clear, or null when none was ever run here. */
  readonly legacyScan: { readonly scannedAt: string; readonly headPosition: string } | null;
  readonly eventsRecorded: readonly RecordedByEntry[];
  readonly personalFields: readonly PersonalFieldEntry[];
  /** The person's entry in the people directory, opened; null for a resident or no one. */
  readonly directoryEntry: JsonValue | null;
  readonly readModels: readonly ReadModelAppearance[];
}

/**
 * Reads the log, one event at a time, for everything about one data subject: the events they
 * recorded (persons only: residents record nothing under their own name) and every field sealed
 * for one of their key subjects, opened; plus fields in clear in the legacy events the last scan
 * marked.
 */
export class SubjectAccessCollector {
  private readonly keySubjects: ReadonlySet<string>;
  private readonly legacyFields: ReadonlyMap<string, LegacyMarks['events'][number]['fields']>;
  private readonly recorded: RecordedByEntry[] = [];
  private readonly fields: PersonalFieldEntry[] = [];
  private lastPosition = 0n;

  constructor(
    readonly subject: DataSubject,
    private readonly keys: KeyStore,
    private readonly legacy: LegacyMarks | undefined,
  ) {
    this.keySubjects = new Set(keySubjectsOf(subject));
    this.legacyFields = new Map(
      (legacy?.events ?? []).map((mark) => [mark.position, mark.fields] as const),
    );
  }

  take(event: RecordedEvent): void {
    this.lastPosition = event.position;
    const where = {
      position: event.position.toString(),
      stream: event.stream,
      type: event.type,
      recordedAt: event.metadata.recordedAt,
    };
    if (this.subject.kind === 'person' && event.metadata.actor.sub === this.subject.personId) {
      this.recorded.push({ ...where, effectiveDate: effectiveDateOf(event) });
    }
    for (const { path, envelope } of sealedFieldsIn(event.data)) {
      if (this.keySubjects.has(envelope.subject)) {
        this.fields.push({
          ...where,
          path,
          keySubject: envelope.subject,
          ...this.opened(envelope),
        });
      }
    }
    for (const { path, subject } of this.legacyFields.get(where.position) ?? []) {
      if (this.keySubjects.has(subject)) {
        const value = valueAt(event.data, path);
        if (value !== undefined) {
          this.fields.push({ ...where, path, keySubject: subject, state: 'clear', value });
        }
      }
    }
  }

  /** Whether the log holds anything about the subject (an unknown one answers 404). */
  get found(): boolean {
    return this.recorded.length > 0 || this.fields.length > 0;
  }

  report(directoryEntry: JsonValue | null, generatedAt: Date): SubjectAccessReport {
    return {
      subject: this.subject,
      keySubjects: [...this.keySubjects],
      generatedAt: generatedAt.toISOString(),
      logPosition: this.lastPosition.toString(),
      legacyScan: this.legacy
        ? { scannedAt: this.legacy.scannedAt, headPosition: this.legacy.headPosition }
        : null,
      eventsRecorded: this.recorded,
      personalFields: this.fields,
      directoryEntry,
      readModels: appearancesOf(this.fields),
    };
  }

  private opened(envelope: SealedValue): Pick<PersonalFieldEntry, 'state' | 'value'> {
    const { value, erased, unreadable, corrupted } = openAll(envelope, this.keys);
    const state: FieldState =
      erased > 0 ? 'erased' : unreadable + corrupted > 0 ? 'unreadable' : 'open';
    return { state, value };
  }
}

/** The value at a dotted path of event data, undefined when absent. */
function valueAt(data: JsonObject, path: string): JsonValue | undefined {
  let value: JsonValue | undefined = data;
  for (const field of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, field) ? value[field] : undefined;
  }
  return value;
}

/** Each row of a read model fed by an event holding the subject's fields, with those fields. */
function appearancesOf(fields: readonly PersonalFieldEntry[]): ReadModelAppearance[] {
  const rows = new Map<string, { readModel: ReadModelName; id: string; fields: Set<string> }>();
  for (const { stream, path } of fields) {
    const aggregate = aggregateOfStream(stream);
    if (aggregate === undefined || !Object.hasOwn(READ_MODEL_OF, aggregate)) continue;
    const readModel = READ_MODEL_OF[aggregate as keyof typeof READ_MODEL_OF];
    const id = idOfStream(stream);
    const key = `${readModel}/${id}`;
    const row = rows.get(key) ?? { readModel, id, fields: new Set<string>() };
    row.fields.add(path);
    rows.set(key, row);
  }
  return [...rows.values()].map(({ readModel, id, fields: shown }) => ({
    readModel,
    id,
    fields: [...shown],
  }));
}
