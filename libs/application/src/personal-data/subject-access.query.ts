import { Inject } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { type JsonValue, type KeyStore, openAll } from '@cohesion/personal-data';
import { personById } from '@cohesion/projections';
import { hasRole } from '../access/access-rules';
import type { Principal } from '../access/principal';
import type { LedgerConfig } from '../config/ledger-config';
import { accessDenied, notFound } from '../errors';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import type { DataSubject } from './data-subject';
import { readLegacyMarks } from './legacy-marks';
import { PERSONAL_DATA_KEYS } from './personal-data-keys';
import { SubjectAccessCollector, type SubjectAccessReport } from './subject-access-report';

/** Everything the ledger holds about one data subject (GDPR Art. 15): administrators only. */
export class SubjectAccessReportQuery extends Query<SubjectAccessReport> {
  constructor(
    readonly subject: DataSubject,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/**
 * Reads the whole log (the source of truth: a read model may lag or be rebuilding) for the
 * subject's events and fields, and the people directory for a person's entry.
 */
@QueryHandler(SubjectAccessReportQuery)
export class SubjectAccessReportHandler
  implements IQueryHandler<SubjectAccessReportQuery, SubjectAccessReport>
{
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: KeyStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly config: ConfigService<LedgerConfig, true>,
  ) {}

  async execute({ subject, viewer }: SubjectAccessReportQuery): Promise<SubjectAccessReport> {
    if (!hasRole(viewer, 'admin')) {
      throw accessDenied('Only administrators produce a subject access report');
    }
    const legacy = readLegacyMarks(this.config.get('LEDGER_DATA_DIR', { infer: true }));
    const collector = new SubjectAccessCollector(subject, this.keys, legacy);
    for await (const event of this.store.readAll()) collector.take(event);
    const entry = this.directoryEntry(subject);
    if (!collector.found && entry === null) throw notFound(unknownSubject(subject));
    return collector.report(entry, new Date());
  }

  private directoryEntry(subject: DataSubject): JsonValue | null {
    if (subject.kind !== 'person') return null;
    const person = personById(this.db, subject.personId);
    // The directory keeps envelopes: the report shows what they hold (or the erased marker).
    return person === undefined ? null : openAll(toJson(person), this.keys).value;
  }
}

const toJson = (value: object): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

function unknownSubject(subject: DataSubject): string {
  return subject.kind === 'person'
    ? `The ledger holds nothing about person ${subject.personId}`
    : `The ledger holds no resident's data for feedback ${subject.feedbackId}`;
}
