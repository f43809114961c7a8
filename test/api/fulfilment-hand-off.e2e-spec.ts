import { commandContextFor, FulfilmentHandOffRecovery } from '@cohesion/application';
import { EVENT_STORE, type EventStore, eventIdFor } from '@cohesion/event-store';
import { acceptedCommitment, partnershipWith } from '../support/commitments-fixtures';
import { type FaultyLedger, startFaultyLedger } from '../support/faulty-event-store';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { type LedgerClient, ledgerClient, partner } from '../support/ledger-client';

const acme = partner('acme');

/**
 * The fulfilment hand-off: a contribution that names a commitment is recorded, then claims
 * fulfilment there, in one request that reads each aggregate once and answers with the position
 * of the claim, the last event it wrote.
 */
describe('the fulfilment hand-off (POST /contributions with a commitmentId)', () => {
  let ledger: FaultyLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startFaultyLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos']);
    await acceptedCommitment(api, 'tilleuls', 'mentoring', 'acme', 'sos');
  });
  afterAll(() => ledger.close());

  const contribution = (contributionId: string) => ({
    contributionId,
    partnershipId: 'tilleuls',
    kind: 'volunteer_time',
    quantity: 6,
    unit: 'hours',
    date: '2026-10-14',
    description: 'Mentoring, October',
    commitmentId: 'tilleuls--mentoring',
  });

  it('reads the partnership, the commitment and the contribution once each', async () => {
    ledger.faulty.recordCalls();
    await api.post('/contributions', contribution('october'), acme).expect(201);
    const reads = ledger.faulty.streamsRead;
    expect([...reads].sort()).toEqual([
      'commitment-tilleuls--mentoring',
      'contribution-tilleuls--october',
      'partnership-tilleuls',
    ]);
  });

  it("answers with the claim's position, the last event written, and the claim", async () => {
    const response = await api.post('/contributions', contribution('november'), acme).expect(201);
    const answer = response.body as {
      position: string;
      events: string[];
      fulfilmentClaim: { stream: string; position: string; events: string[]; claimId: string };
    };
    expect(answer.events).toEqual(['ContributionRecorded']);
    expect(answer.fulfilmentClaim).toMatchObject({
      stream: 'commitment-tilleuls--mentoring',
      events: ['FulfilmentClaimed'],
      claimId: 'contribution-tilleuls--november',
    });
    expect(answer.position).toBe(answer.fulfilmentClaim.position);
    // Waiting for the answer's position, a reader sees the claim.
    const detail = await api.get(
      `/commitments/tilleuls--mentoring?minPosition=${answer.position}`,
      acme,
    );
    expect(JSON.stringify(detail.body)).toContain('contribution-tilleuls--november');
  });
});

describe('a fulfilment hand-off left undone by a crash', () => {
  const key = 'contribution-crash-0002';
  const commandId = commandContextFor({
    actor: acme,
    idempotencyKey: key,
    route: 'POST /contributions',
  }).commandId;
  const body = {
    contributionId: 'crashed',
    partnershipId: 'tilleuls',
    kind: 'volunteer_time',
    quantity: 4,
    unit: 'hours',
    date: '2026-10-14',
    description: 'Mentoring before the crash',
    commitmentId: 'tilleuls--mentoring',
  };

  /** What a killed request appended: the contribution (an hour ago by default), and not its claim. */
  async function interruptedHandOff(
    ledger: TestLedger,
    recordedAt = new Date(Date.now() - 3_600_000),
  ): Promise<void> {
    const store = ledger.app.get<EventStore>(EVENT_STORE);
    await store.append(
      'contribution-tilleuls--crashed',
      [
        {
          id: eventIdFor(commandId, 0),
          type: 'ContributionRecorded',
          data: { ...body, contributionId: 'tilleuls--crashed', partnerId: 'acme' },
          metadata: {
            actor: { sub: acme.sub, partnerId: 'acme', roles: ['partner'] },
            commandId,
            correlationId: key,
            causationId: commandId,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream', recordedAt: recordedAt.toISOString() },
    );
  }

  /** The commitment's claims, as its own stream says (no read model in between). */
  const claimsOf = async (api: LedgerClient) => {
    const answer = await api.get('/streams/commitment-tilleuls--mentoring/state').expect(200);
    return (answer.body as { state: { claims: Record<string, unknown> } }).state.claims;
  };

  it('is completed by the ledger itself, as the very command the request would have sent', async () => {
    const ledger = await startTestLedger();
    try {
      const api = ledgerClient(ledger);
      await partnershipWith(api, 'tilleuls', ['acme', 'sos']);
      await acceptedCommitment(api, 'tilleuls', 'mentoring', 'acme', 'sos');
      await interruptedHandOff(ledger);
      await api.get(`/partnerships/tilleuls?minPosition=${await api.logSize()}`).expect(200);
      const recovery = ledger.app.get(FulfilmentHandOffRecovery);
      expect(await recovery.sweep()).toBe(1);
      expect(await claimsOf(api)).toMatchObject({
        'contribution-tilleuls--crashed': {
          claimedBy: 'acme',
          quantity: 4,
          contributionId: 'tilleuls--crashed',
        },
      });
      const events = await api.get('/streams/commitment-tilleuls--mentoring/events?fromRevision=2');
      expect((events.body as { events: { metadata: object }[] }).events[0].metadata).toMatchObject({
        actor: { sub: acme.sub, partnerId: 'acme' },
        commandId: `${commandId}:fulfilment-claim`,
        causationId: commandId,
        correlationId: key,
      });
      // Nothing left to do; the client's own retry finds the claim made, and records nothing.
      const size = await api.logSize();
      expect(await recovery.sweep()).toBe(0);
      const retried = await api
        .post('/contributions', body, acme, { 'idempotency-key': key })
        .expect(201);
      expect(retried.body).toMatchObject({
        fulfilmentClaim: { claimId: 'contribution-tilleuls--crashed' },
      });
      expect(await api.logSize()).toBe(size);
    } finally {
      await ledger.close();
    }
  });

  it('is left alone while its request may still be under way, and completed by a later sweep', async () => {
    const ledger = await startTestLedger();
    try {
      const api = ledgerClient(ledger);
      await partnershipWith(api, 'tilleuls', ['acme', 'sos']);
      await acceptedCommitment(api, 'tilleuls', 'mentoring', 'acme', 'sos');
      const recordedAt = new Date();
      await interruptedHandOff(ledger, recordedAt);
      await api.get(`/partnerships/tilleuls?minPosition=${await api.logSize()}`).expect(200);
      const recovery = ledger.app.get(FulfilmentHandOffRecovery);
      expect(await recovery.sweep(new Date(recordedAt.getTime() + 1_000))).toBe(0);
      expect(await claimsOf(api)).not.toHaveProperty(['contribution-tilleuls--crashed']);
      expect(await recovery.sweep(new Date(recordedAt.getTime() + 60_000))).toBe(1);
      expect(await claimsOf(api)).toHaveProperty(['contribution-tilleuls--crashed']);
    } finally {
      await ledger.close();
    }
  });

  it('is completed when the ledger starts again', async () => {
    const first = await startTestLedger();
    const api = ledgerClient(first);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos']);
    await acceptedCommitment(api, 'tilleuls', 'mentoring', 'acme', 'sos');
    await interruptedHandOff(first);
    await first.app.close();
    const restarted = await startTestLedger({}, first.dataDir);
    try {
      const again = ledgerClient(restarted);
      // Waits on the condition, not on a clock: the sweep runs once the ledger has started.
      for (;;) {
        if ('contribution-tilleuls--crashed' in (await claimsOf(again))) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await restarted.close();
      await first.close();
    }
  });
});
