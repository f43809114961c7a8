import { createSecretKey, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigService } from '@nestjs/config';
import { eventIdFor, type JsonObject, SqliteEventStore } from '@cohesion/event-store';
import { SqliteKeyStore } from '@cohesion/personal-data';
import { peopleDirectoryProjector } from '@cohesion/projections';
import { project } from '@cohesion/projections/testing';
import type { LedgerConfig } from '../config/ledger-config';
import { ApplicationError } from '../errors';
import { writeLegacyMarks } from './legacy-marks';
import { clearPersonalFieldsOf } from './legacy-personal-fields';
import { residentContactOf, residentOf, sealEventData } from './personal-fields';
import { SubjectAccessReportHandler, SubjectAccessReportQuery } from './subject-access.query';
import type { DataSubject } from './data-subject';

const admin = { sub: 'city-admin', roles: ['admin'] as const };
const nadia = { sub: 'assoc-nadia', partnerId: 'assoc', roles: ['partner'] };

describe('SubjectAccessReportHandler', () => {
  let store: SqliteEventStore;
  let keys: SqliteKeyStore;
  let dataDir: string;
  let handler: SubjectAccessReportHandler;
  let commands = 0;

  beforeEach(() => {
    store = new SqliteEventStore({ file: ':memory:' });
    keys = SqliteKeyStore.open(':memory:', createSecretKey(randomBytes(32)));
    dataDir = mkdtempSync(join(tmpdir(), 'subject-access-'));
    // The handler reads one setting: the data directory, where the legacy marks are.
    const config = { get: () => dataDir } as unknown as ConfigService<LedgerConfig, true>;
    handler = new SubjectAccessReportHandler(
      store,
      keys,
      project(peopleDirectoryProjector, []),
      config,
    );
  });
  afterEach(async () => {
    await store.close();
    keys.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Appends one event as the aggregate store would: sealed, unless `legacy` (plain text). */
  async function record(
    stream: string,
    type: string,
    data: JsonObject,
    actor: { sub: string },
    legacy = false,
  ) {
    commands += 1;
    const commandId = `command-${commands}`;
    await store.append(
      stream,
      [
        {
          id: eventIdFor(commandId, 0),
          type,
          data: legacy ? data : sealEventData(type, data, actor, keys),
          metadata: {
            actor,
            commandId,
            correlationId: commandId,
            causationId: commandId,
            schemaVersion: 1,
            effectiveDate: '2026-11-30',
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
  const reportOf = (subject: DataSubject, viewer: object = admin) =>
    handler.execute(new SubjectAccessReportQuery(subject, viewer as typeof admin));

  it("lists the events a person recorded and their fields opened; another's fields never", async () => {
    await record('partnership-harmony', 'PartnershipFounded', { partnershipId: 'harmony' }, admin);
    await record(
      'conflict-harmony--noise',
      'ConflictRaised',
      { conflictId: 'harmony--noise', summary: 'The gate slams at 2am' },
      nadia,
    );
    await record(
      'conflict-harmony--noise',
      'StatementRecorded',
      { conflictId: 'harmony--noise', text: 'The gate was fixed' },
      { sub: 'city-officer' },
    );

    const report = await reportOf({ kind: 'person', personId: 'assoc-nadia' });

    expect(report.eventsRecorded).toEqual([
      {
        position: '2',
        stream: 'conflict-harmony--noise',
        type: 'ConflictRaised',
        recordedAt: expect.any(String) as unknown,
        effectiveDate: '2026-11-30',
      },
    ]);
    expect(report.personalFields).toEqual([
      expect.objectContaining({
        position: '2',
        path: 'summary',
        keySubject: 'assoc-nadia',
        state: 'open',
        value: 'The gate slams at 2am',
      }),
    ]);
    expect(report.readModels).toEqual([
      { readModel: 'conflict_cases', id: 'harmony--noise', fields: ['summary'] },
    ]);
    expect(report).toMatchObject({ logPosition: '3', legacyScan: null, directoryEntry: null });
  });

  it("shows a resident's erased field as the marker, and the other one opened", async () => {
    const feedbackId = 'harmony--lights';
    await record(
      `feedback-${feedbackId}`,
      'FeedbackSubmitted',
      { feedbackId, text: 'The lights are out', contact: { phone: '06 12 34 56 78' } },
      { sub: 'public-form' },
    );
    keys.destroySubjectKeys(residentContactOf(feedbackId), new Date('2026-12-01T10:00:00Z'));

    const report = await reportOf({ kind: 'resident', feedbackId });

    expect(report.keySubjects).toEqual([residentOf(feedbackId), residentContactOf(feedbackId)]);
    expect(report.eventsRecorded).toEqual([]);
    expect(report.personalFields.map(({ path, state, value }) => [path, state, value])).toEqual([
      ['contact', 'erased', '[erased 2026-12-01]'],
      ['text', 'open', 'The lights are out'],
    ]);
  });

  it('lists the fields in clear of the legacy events the last scan marked', async () => {
    await record(
      'conflict-harmony--old',
      'ConflictRaised',
      { conflictId: 'harmony--old', summary: 'Recorded before sealing' },
      nadia,
      true,
    );
    const report = () => reportOf({ kind: 'person', personId: 'assoc-nadia' });
    // Not scanned yet: only the events recorded, no field (the report does not guess).
    expect((await report()).personalFields).toEqual([]);

    const events = [];
    for await (const event of store.readAll()) events.push(event);
    writeLegacyMarks(dataDir, {
      scannedAt: '2026-12-02T09:00:00.000Z',
      headPosition: '1',
      events: events.map((event) => ({
        position: event.position.toString(),
        stream: event.stream,
        type: event.type,
        recordedAt: event.metadata.recordedAt,
        fields: clearPersonalFieldsOf(event),
      })),
    });

    expect(await report()).toMatchObject({
      legacyScan: { scannedAt: '2026-12-02T09:00:00.000Z', headPosition: '1' },
      personalFields: [
        expect.objectContaining({
          path: 'summary',
          keySubject: 'assoc-nadia',
          state: 'clear',
          value: 'Recorded before sealing',
        }),
      ],
    });
  });

  it('is refused to anyone but administrators, and answers not found for an unknown subject', async () => {
    await record('conflict-harmony--noise', 'ConflictRaised', { summary: 'x' }, nadia);
    for (const viewer of [nadia, { sub: 'audit', roles: ['auditor'] }]) {
      await expect(
        reportOf({ kind: 'person', personId: 'assoc-nadia' }, viewer),
      ).rejects.toMatchObject({ kind: 'access-denied' });
    }
    const unknown = reportOf({ kind: 'person', personId: 'nobody' });
    await expect(unknown).rejects.toBeInstanceOf(ApplicationError);
    await expect(unknown).rejects.toMatchObject({ kind: 'not-found' });
    await expect(reportOf({ kind: 'resident', feedbackId: 'harmony--none' })).rejects.toMatchObject(
      { kind: 'not-found' },
    );
  });
});
