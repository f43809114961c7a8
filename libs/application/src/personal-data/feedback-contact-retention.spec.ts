import type { Actor, JsonObject } from '@cohesion/event-store';
import { type KeyStore, SqliteKeyStore } from '@cohesion/personal-data';
import { FeedbackContactRetention, retentionStreamOf } from './feedback-contact-retention';
import { residentContactOf, residentOf } from './personal-fields';
import { monthsBefore } from './retention-calendar';
import { type SealedLog, sealedLog } from './testing/sealed-log';

const PUBLIC_FORM: Actor = { sub: 'public-form' };
const admin: Actor = { sub: 'city-admin', roles: ['admin'] };

/** A key store whose destruction can be made to fail, as a crash after the record would. */
class InterruptibleKeys implements KeyStore {
  failDestruction = false;
  constructor(private readonly keys: SqliteKeyStore) {}
  currentKey = (subject: string) => this.keys.currentKey(subject);
  keyById = (keyId: string) => this.keys.keyById(keyId);
  subjectOf = (keyId: string) => this.keys.subjectOf(keyId);
  erasedSubjects = () => this.keys.erasedSubjects();
  transaction = <T>(work: () => T): T => this.keys.transaction(work);
  destroySubjectKeys(subject: string, at: Date): number {
    if (this.failDestruction) throw new Error('the process died');
    return this.keys.destroySubjectKeys(subject, at);
  }
}

describe('FeedbackContactRetention', () => {
  let log: SealedLog;
  let keys: InterruptibleKeys;
  let retention: FeedbackContactRetention;

  beforeEach(() => {
    log = sealedLog((sqliteKeys) => (keys = new InterruptibleKeys(sqliteKeys)));
    retention = new FeedbackContactRetention(log.store, log.keys);
  });
  afterEach(() => log.close());

  const record = (
    stream: string,
    type: string,
    data: JsonObject,
    recordedAt: string,
    { actor = admin, sealed = true } = {},
  ) => log.record(stream, type, data, { actor, recordedAt, sealed });
  const setRetention = (partnershipId: string, months: number | null, at: string) =>
    record(
      `partnership-${partnershipId}`,
      'FeedbackContactRetentionSet',
      { partnershipId, months },
      at,
    );
  const submit = (
    feedbackId: string,
    at: string,
    { contact = true, sealed = true }: { contact?: boolean; sealed?: boolean } = {},
  ) => {
    const partnershipId = feedbackId.split('--')[0];
    return record(
      `feedback-${feedbackId}`,
      'FeedbackSubmitted',
      {
        feedbackId,
        partnershipId,
        text: `What ${feedbackId} said`,
        ...(contact ? { contact: { email: `${feedbackId}@example.org` } } : {}),
      },
      at,
      { actor: PUBLIC_FORM, sealed },
    );
  };
  const keyState = (subject: string) =>
    log.sqliteKeys.erasedSubjects().some((erased) => erased.subject === subject)
      ? 'destroyed'
      : 'open';
  const shreddings = async (partnershipId: string) => {
    const events = [];
    for await (const event of log.store.readStream(retentionStreamOf(partnershipId)))
      events.push(event);
    return events.map(({ type, data, metadata }) => ({ type, data, actor: metadata.actor.sub }));
  };

  beforeEach(async () => {
    await setRetention('harmony', 12, '2025-01-01T08:00:00.000Z');
    await submit('harmony--old', '2025-01-10T10:00:00.000Z');
    await submit('harmony--anonymous', '2025-01-11T10:00:00.000Z', { contact: false });
    await submit('harmony--legacy', '2025-01-12T10:00:00.000Z', { sealed: false });
    await submit('harmony--recent', '2026-06-01T10:00:00.000Z');
    // No retention set there: contacts are kept until someone asks for their erasure.
    await submit('elsewhere--old', '2024-01-01T10:00:00.000Z');
  });

  it('shreds the contacts of feedback recorded more than the retention ago, after recording it', async () => {
    const run = await retention.apply(new Date('2026-12-02T03:00:00.000Z'));

    expect(run).toEqual({
      at: '2026-12-02T03:00:00.000Z',
      shredded: 1,
      partnerships: [
        {
          partnershipId: 'harmony',
          retentionMonths: 12,
          before: '2025-12-02T03:00:00.000Z',
          shredded: ['harmony--old'],
          inClear: ['harmony--legacy'],
        },
      ],
    });
    expect(keyState(residentContactOf('harmony--old'))).toBe('destroyed');
    // Only the contact: what the resident said stays, as do the recent and unretained contacts.
    expect(keyState(residentOf('harmony--old'))).toBe('open');
    expect(keyState(residentContactOf('harmony--recent'))).toBe('open');
    expect(keyState(residentContactOf('elsewhere--old'))).toBe('open');
    expect(await shreddings('harmony')).toEqual([
      {
        type: 'FeedbackContactsShredded',
        actor: 'retention',
        data: {
          partnershipId: 'harmony',
          feedbackIds: ['harmony--old'],
          before: '2025-12-02T03:00:00.000Z',
          retentionMonths: 12,
        },
      },
    ]);
  });

  it('records nothing and destroys nothing more when run again; later runs take what came due', async () => {
    await retention.apply(new Date('2026-12-02T03:00:00.000Z'));
    const again = await retention.apply(new Date('2026-12-03T03:00:00.000Z'));
    expect(again).toMatchObject({ shredded: 0, partnerships: [{ shredded: [] }] });
    expect(await shreddings('harmony')).toHaveLength(1);

    const later = await retention.apply(new Date('2027-06-02T03:00:00.000Z'));
    expect(later.partnerships[0]?.shredded).toEqual(['harmony--recent']);
    expect((await shreddings('harmony')).map(({ data }) => data.feedbackIds)).toEqual([
      ['harmony--old'],
      ['harmony--recent'],
    ]);
  });

  it('destroys, without recording them twice, the keys a run recorded but could not destroy', async () => {
    keys.failDestruction = true;
    await expect(retention.apply(new Date('2026-12-02T03:00:00.000Z'))).rejects.toThrow(
      'the process died',
    );
    expect(keyState(residentContactOf('harmony--old'))).toBe('open');
    keys.failDestruction = false;

    const resumed = await retention.apply(new Date('2026-12-02T04:00:00.000Z'));
    expect(resumed.partnerships[0]?.shredded).toEqual(['harmony--old']);
    expect(keyState(residentContactOf('harmony--old'))).toBe('destroyed');
    expect(await shreddings('harmony')).toHaveLength(1);
  });

  it('keeps every contact once the retention is removed', async () => {
    await setRetention('harmony', null, '2026-11-01T08:00:00.000Z');
    expect(await retention.apply(new Date('2026-12-02T03:00:00.000Z'))).toMatchObject({
      shredded: 0,
      partnerships: [],
    });
    expect(keyState(residentContactOf('harmony--old'))).toBe('open');
  });

  it('signals the contacts overdue and the last run', async () => {
    const now = new Date('2026-12-02T03:00:00.000Z');
    expect(await retention.signal(now)).toEqual({
      checkedAt: now.toISOString(),
      lastRun: null,
      lastShreddedAt: null,
      partnershipsWithRetention: 1,
      overdue: 1,
      overdueInClear: 1,
    });
    await retention.apply(now);
    expect(await retention.signal(now)).toMatchObject({
      lastRun: { at: now.toISOString(), shredded: 1 },
      lastShreddedAt: expect.any(String) as unknown,
      overdue: 0,
      overdueInClear: 1,
    });
  });
});

describe('monthsBefore', () => {
  it.each([
    ['2026-12-02T03:00:00.000Z', 12, '2025-12-02T03:00:00.000Z'],
    ['2026-03-31T12:00:00.000Z', 1, '2026-02-28T12:00:00.000Z'],
    ['2028-03-31T12:00:00.000Z', 1, '2028-02-29T12:00:00.000Z'],
    ['2026-01-15T00:00:00.000Z', 120, '2016-01-15T00:00:00.000Z'],
  ])('%s less %i months is %s', (now, months, expected) =>
    expect(monthsBefore(new Date(now), months).toISOString()).toBe(expected),
  );
});
