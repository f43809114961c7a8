import { acceptedCommitment, partnershipWith } from '../support/commitments-fixtures';
import { type FaultyLedger, startFaultyLedger } from '../support/faulty-event-store';
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
    commitmentId: 'mentoring',
  });

  it('reads the partnership, the commitment and the contribution once each', async () => {
    ledger.faulty.recordCalls();
    await api.post('/contributions', contribution('october'), acme).expect(201);
    const reads = ledger.faulty.streamsRead;
    expect([...reads].sort()).toEqual([
      'commitment-mentoring',
      'contribution-october',
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
      stream: 'commitment-mentoring',
      events: ['FulfilmentClaimed'],
      claimId: 'contribution-november',
    });
    expect(answer.position).toBe(answer.fulfilmentClaim.position);
    // Waiting for the answer's position, a reader sees the claim.
    const detail = await api.get(`/commitments/mentoring?minPosition=${answer.position}`, acme);
    expect(JSON.stringify(detail.body)).toContain('contribution-november');
  });
});
