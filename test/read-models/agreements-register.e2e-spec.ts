import { calendarDay, HALL_CLAUSES, partnershipWith } from '../support/agreements-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

const city = partner('city');
const assoc = partner('assoc');
const residents = partner('residents');

interface Entry {
  agreementId: string;
  status: string;
  currentVersion: number;
  currentTermsHash: string;
  signatories: string[];
  pendingSignatures: string[];
  inForceSince: string | null;
}
interface Page {
  items: Entry[];
  next: string | null;
}

describe('agreements register through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'harmony', ['city', 'assoc', 'residents']);
    await partnershipWith(api, 'elsewhere', ['city', 'assoc']);
  });
  afterAll(() => ledger.close());

  const propose = (agreementId: string, partnershipId: string, parties: string[], extra = {}) =>
    api
      .post(
        '/agreements',
        {
          agreementId,
          partnershipId,
          title: `Agreement ${agreementId}`,
          parties,
          clauses: HALL_CLAUSES,
          ...extra,
        },
        city,
      )
      .expect(201);
  const agreement = async (agreementId: string) =>
    (await api.get(`/agreements/${agreementId}`).expect(200)).body as Entry & {
      versions: {
        version: number;
        termsHash: string;
        reason: string | null;
        recordedAt: string;
        signatures: { partyId: string; void: { byVersion: number; at: string } | null }[];
      }[];
    };
  const sign = async (agreementId: string, as: Principal) => {
    const { currentTermsHash: termsHash } = await agreement(agreementId);
    await api.post(`/agreements/${agreementId}/signatures`, { termsHash }, as).expect(201);
  };
  const list = async (query: string) =>
    (await api.get(`/agreements?${query}`).expect(200)).body as Page;
  const ids = async (query: string) => (await list(query)).items.map((entry) => entry.agreementId);

  it('follows an agreement from proposal through amendment to force, with its whole history', async () => {
    const endsOn = calendarDay(365);
    await propose('hall', 'harmony', ['city', 'assoc'], { endsOn });
    expect(await agreement('harmony--hall')).toMatchObject({
      status: 'awaiting_signatures',
      partnershipId: 'harmony',
      parties: ['city', 'assoc'],
      currentVersion: 1,
      signatories: [],
      pendingSignatures: ['city', 'assoc'],
      endsOn,
    });
    await sign('harmony--hall', assoc);
    expect(await agreement('harmony--hall')).toMatchObject({
      signatories: ['assoc'],
      pendingSignatures: ['city'],
    });

    const version1 = (await agreement('harmony--hall')).currentTermsHash;
    await api
      .post(
        '/agreements/harmony--hall/amendments',
        { clauses: [HALL_CLAUSES[0]], reason: 'The club moves to the school' },
        city,
      )
      .expect(201);
    const amended = await agreement('harmony--hall');
    expect(amended).toMatchObject({
      status: 'awaiting_signatures',
      currentVersion: 2,
      signatories: [],
      pendingSignatures: ['city', 'assoc'],
    });
    expect(amended.currentTermsHash).not.toBe(version1);

    await sign('harmony--hall', city);
    await sign('harmony--hall', assoc);
    const inForce = await agreement('harmony--hall');
    expect(inForce).toMatchObject({
      status: 'in_force',
      signatories: ['city', 'assoc'],
      pendingSignatures: [],
      inForceSince: expect.any(String) as unknown,
      revision: 5,
    });
    expect(inForce.versions).toMatchObject([
      {
        version: 1,
        termsHash: version1,
        reason: null,
        byParty: 'city',
        actor: 'city-officer',
        // Listed still, void since the amendment that made version 2.
        signatures: [
          { partyId: 'assoc', void: { byVersion: 2, at: inForce.versions[1].recordedAt } },
        ],
      },
      {
        version: 2,
        termsHash: inForce.currentTermsHash,
        reason: 'The club moves to the school',
        byParty: 'city',
        enteredIntoForceAt: inForce.inForceSince,
        signatures: [
          { partyId: 'city', void: null },
          { partyId: 'assoc', void: null },
        ],
      },
    ]);

    await api
      .post('/agreements/harmony--hall/termination', { reason: 'The hall is sold' }, assoc)
      .expect(200);
    expect(await agreement('harmony--hall')).toMatchObject({
      status: 'terminated',
      closedBy: 'assoc',
      closedReason: 'The hall is sold',
      closedAt: expect.any(String) as unknown,
    });
  });

  it('lists the register filtered by partnership, status and party, a page at a time', async () => {
    await propose('garden', 'harmony', ['assoc', 'residents']);
    await propose('kiosk', 'elsewhere', ['city', 'assoc']);
    await propose('square', 'harmony', ['city', 'residents']);
    await api
      .post('/agreements/harmony--garden/decline', { reason: 'Not this year' }, residents)
      .expect(200);

    expect(await ids('partnershipId=harmony')).toEqual([
      'harmony--hall',
      'harmony--garden',
      'harmony--square',
    ]);
    expect(await ids('status=awaiting_signatures')).toEqual([
      'elsewhere--kiosk',
      'harmony--square',
    ]);
    expect(await ids('status=declined')).toEqual(['harmony--garden']);
    expect(await ids('party=residents')).toEqual(['harmony--garden', 'harmony--square']);
    expect(await ids('party=city&partnershipId=harmony&status=awaiting_signatures')).toEqual([
      'harmony--square',
    ]);
    expect((await list('party=residents&status=declined')).items[0]).toMatchObject({
      pendingSignatures: [],
      closedBy: 'residents',
    });

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(`limit=2&party=city${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((entry) => entry.agreementId));
      cursor = page.next;
    }
    expect(seen).toEqual(['harmony--hall', 'elsewhere--kiosk', 'harmony--square']);
    expect((await list('limit=2')).next).toEqual(expect.any(String));
    expect(await ids('party=nobody')).toEqual([]);
  });

  it('waits for a position it is asked to include', async () => {
    const proposed = await propose('late', 'elsewhere', ['city', 'assoc']);
    const { position } = proposed.body as { position: string };
    expect(await ids(`minPosition=${position}&partnershipId=elsewhere`)).toContain(
      'elsewhere--late',
    );
  });

  it('answers 404 for an agreement it does not know, 400 for a bad question', async () => {
    expectProblem(await api.get('/agreements/nope'), 404, 'not-found');
    expectProblem(await api.get('/agreements/not%20an%20id'), 400, 'bad-request');
    expectProblem(await api.get('/agreements?status=signed'), 400, 'bad-request');
    expectProblem(await api.get('/agreements?limit=0'), 400, 'bad-request');
    expectProblem(await api.get('/agreements?cursor=nonsense'), 400, 'bad-request');
    expectProblem(await api.get('/agreements?party=a%20b'), 400, 'bad-request');
    expectProblem(await api.get('/agreements?colour=blue'), 400, 'bad-request');
  });
});
