import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigService } from '@nestjs/config';
import type { Actor, JsonObject } from '@cohesion/event-store';
import { peopleDirectoryProjector } from '@cohesion/projections';
import { project } from '@cohesion/projections/testing';
import type { LedgerConfig } from '../config/ledger-config';
import { ApplicationError } from '../errors';
import { writeLegacyMarks } from './legacy-marks';
import { clearPersonalFieldsOf } from './legacy-personal-fields';
import { residentContactOf, residentOf } from './personal-fields';
import { type SealedLog, sealedLog } from './testing/sealed-log';
import { SubjectAccessReportHandler, SubjectAccessReportQuery } from './subject-access.query';
import type { DataSubject } from './data-subject';

const admin = { sub: 'city-admin', roles: ['admin'] };
const nadia = { sub: 'assoc-nadia', partnerId: 'assoc', roles: ['partner'] };

describe('SubjectAccessReportHandler', () => {
  let log: SealedLog;
  let dataDir: string;
  let handler: SubjectAccessReportHandler;

  beforeEach(() => {
    log = sealedLog();
    dataDir = mkdtempSync(join(tmpdir(), 'subject-access-'));
    // The handler reads one setting: the data directory, where the legacy marks are.
    const config = { get: () => dataDir } as unknown as ConfigService<LedgerConfig, true>;
    handler = new SubjectAccessReportHandler(
      log.store,
      log.keys,
      project(peopleDirectoryProjector, []),
      config,
    );
  });
  afterEach(async () => {
    await log.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const record = (stream: string, type: string, data: JsonObject, actor: Actor, legacy = false) =>
    log.record(stream, type, data, { actor, effectiveDate: '2026-11-30', sealed: !legacy });
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
    log.keys.destroySubjectKeys(residentContactOf(feedbackId), new Date('2026-12-01T10:00:00Z'));

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
    for await (const event of log.store.readAll()) events.push(event);
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
