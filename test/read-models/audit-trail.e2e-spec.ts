import { commandContextFor } from '@cohesion/application';
import type { AuditEntryView } from '@cohesion/projections';
import { makeCommitment } from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';
import { partnershipWith } from '../support/partnership-fixtures';

interface Page<T> {
  items: T[];
  next: string | null;
}

describe('actor audit trail through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const city = partner('city');
  const acme = partner('acme');
  // Another person acting for the same partner.
  const cityClerk: Principal = { sub: 'city-clerk', partnerId: 'city', roles: ['partner'] };
  const trail = async (query: string) =>
    (await api.get(`/audit-trail?${query}`).expect(200)).body as Page<AuditEntryView>;
  const what = (page: Page<AuditEntryView>) =>
    page.items.map((entry) => [entry.actor.sub, entry.stream, entry.type]);

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'youth', ['city', 'acme']);
    await makeCommitment(api, 'youth', 'tutoring', 'city').expect(201);
    await api
      .post('/commitments/youth--tutoring/acceptance', {}, acme, {
        'idempotency-key': 'accept-tutoring-0001',
        'x-correlation-id': 'weekly-review-2026-03',
      })
      .expect(200);
    await api
      .post(
        '/partnerships/youth/meetings',
        { meetingId: 'kick-off', heldOn: '2026-01-15', attendees: ['city'], decisions: [] },
        cityClerk,
      )
      .expect(201);
  });
  afterAll(() => ledger.close());

  it('answers everything a principal did, in log order, across all streams', async () => {
    expect(what(await trail('actor=city-admin'))).toEqual([
      ['city-admin', 'partnership-youth', 'PartnershipFounded'],
      ['city-admin', 'partnership-youth', 'PartnerJoined'],
      ['city-admin', 'partnership-youth', 'PartnerJoined'],
    ]);
    expect(what(await trail('actor=acme-officer'))).toEqual([
      ['acme-officer', 'commitment-youth--tutoring', 'CommitmentAccepted'],
    ]);
  });

  it('records when, where, and under which command and correlation', async () => {
    // The Idempotency-Key is scoped to who sent it and where: the command id derives from all three.
    const acceptanceCommandId = commandContextFor({
      actor: partner('acme'),
      idempotencyKey: 'accept-tutoring-0001',
      route: 'POST /commitments/:commitmentId/acceptance',
    }).commandId;
    const [accepted] = (await trail('actor=acme-officer')).items;
    expect(accepted).toEqual({
      position: expect.stringMatching(/^\d+$/) as unknown,
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      // Recorded the day it took effect: not back-filled.
      effectiveDate: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) as unknown,
      backfilled: false,
      backfillReason: null,
      actor: { sub: 'acme-officer', partnerId: 'acme', roles: ['partner'] },
      stream: 'commitment-youth--tutoring',
      revision: '1',
      type: 'CommitmentAccepted',
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      commandId: acceptanceCommandId,
      correlationId: 'weekly-review-2026-03',
      causationId: acceptanceCommandId,
    });
    const log = await api.get('/streams/commitment-youth--tutoring/events').expect(200);
    const events = (log.body as { events: { position: string; id: string }[] }).events;
    expect(events[1]).toMatchObject({ position: accepted.position, id: accepted.eventId });
  });

  it('answers what was done for a partner, by each of its people', async () => {
    expect(what(await trail('partnerId=city'))).toEqual([
      [city.sub, 'commitment-youth--tutoring', 'CommitmentMade'],
      ['city-clerk', 'partnership-youth', 'MeetingHeld'],
    ]);
    expect(what(await trail('partnerId=city&actor=city-clerk'))).toEqual([
      ['city-clerk', 'partnership-youth', 'MeetingHeld'],
    ]);
  });

  it('filters by type and time, and pages with cursors', async () => {
    expect(what(await trail('type=PartnerJoined'))).toHaveLength(2);
    const all = await trail('limit=500');
    expect(all.items).toHaveLength(6);
    const made = all.items[3];
    expect(what(await trail(`from=${made.recordedAt}&to=${all.items[5].recordedAt}`))).toEqual(
      all.items
        .filter(
          (entry) =>
            entry.recordedAt >= made.recordedAt && entry.recordedAt < all.items[5].recordedAt,
        )
        .map((entry) => [entry.actor.sub, entry.stream, entry.type]),
    );
    expect((await trail('from=2000-01-01&to=2000-01-02')).items).toEqual([]);
    expect((await trail('to=2999-12-31T23:00:00%2B01:00')).items).toHaveLength(6);

    const first = await trail('actor=city-admin&limit=2');
    expect(first.items).toHaveLength(2);
    const second = await trail(`actor=city-admin&limit=2&cursor=${first.next ?? ''}`);
    expect(second.next).toBeNull();
    expect([...first.items, ...second.items].map((entry) => entry.position)).toEqual(
      all.items.filter((entry) => entry.actor.sub === admin.sub).map((entry) => entry.position),
    );
  });

  it('refuses bad parameters with 400', async () => {
    for (const query of [
      'actor=a%20b',
      'from=yesterday',
      'from=2026-01-01T10:00:00',
      'type=Commitment-Made',
      'limit=-1',
      'cursor=%5B%5D',
      'verb=read',
    ]) {
      expectProblem(await api.get(`/audit-trail?${query}`), 400, 'bad-request');
    }
  });

  it('needs a principal', async () => {
    expectProblem(await api.get('/audit-trail').set('authorization', ''), 401, 'unauthenticated');
  });
});
