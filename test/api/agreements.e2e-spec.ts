import type { Response } from 'supertest';
import {
  agreementState,
  calendarDay,
  currentTermsHash,
  expectRefused,
  HALL_CLAUSES,
  partnershipWith,
} from '../support/agreements-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

const city = partner('city');
const assoc = partner('assoc');
const school = partner('school');

describe('agreements through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'homework', ['city', 'assoc', 'school']);
  });
  afterAll(() => ledger.close());

  const propose = (agreementId: string, extra: object = {}, as: Principal = city) =>
    api.post(
      '/agreements',
      {
        agreementId,
        partnershipId: 'homework',
        title: 'Homework club at the community hall',
        parties: ['city', 'assoc'],
        clauses: HALL_CLAUSES,
        ...extra,
      },
      as,
    );
  const sign = (agreementId: string, termsHash: string, as = city, body: object = {}) =>
    api.post(`/agreements/${agreementId}/signatures`, { termsHash, ...body }, as);

  const refused = (send: () => PromiseLike<Response>, status: number, slug: string) =>
    expectRefused(api, send, status, slug);

  it('puts an agreement in force only once every party signed its latest terms version, then terminates it', async () => {
    const proposed = await propose('club').expect(201);
    expect(proposed.body).toEqual({
      id: 'homework--club',
      stream: 'agreement-homework--club',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['AgreementProposed'],
    });
    const version1 = await currentTermsHash(api, 'homework--club');
    expect((await sign('homework--club', version1).expect(201)).body).toMatchObject({
      events: ['AgreementSigned'],
    });

    const amendment = {
      clauses: [HALL_CLAUSES[0], { clauseId: 'c2', text: 'The club closes in school holidays.' }],
      reason: 'No volunteers in the holidays',
    };
    const amended = await api
      .post('/agreements/homework--club/amendments', amendment, assoc)
      .expect(201);
    expect(amended.body).toMatchObject({ revision: '2', events: ['AgreementAmended'] });
    const afterAmendment = await agreementState(api, 'homework--club');
    expect(afterAmendment).toMatchObject({ status: 'awaiting_signatures', signedBy: [] });
    const version2 = await currentTermsHash(api, 'homework--club');
    expect(version2).not.toBe(version1);

    // The city's signature bound version 1: signing it again is refused, not carried over.
    await refused(
      () => sign('homework--club', version1),
      422,
      'agreement-signature-on-outdated-terms',
    );

    expect((await sign('homework--club', version2).expect(201)).body).toMatchObject({
      events: ['AgreementSigned'],
    });
    expect(await agreementState(api, 'homework--club')).toMatchObject({
      status: 'awaiting_signatures',
      signedBy: ['city'],
    });
    const last = await sign('homework--club', version2, assoc).expect(201);
    expect(last.body).toMatchObject({
      revision: '5',
      events: ['AgreementSigned', 'AgreementEnteredIntoForce'],
    });
    expect(await agreementState(api, 'homework--club')).toMatchObject({
      status: 'in_force',
      signedBy: ['city', 'assoc'],
    });

    const terminated = await api
      .post('/agreements/homework--club/termination', { reason: 'The hall was sold' }, city)
      .expect(200);
    expect(terminated.body).toMatchObject({ revision: '6', events: ['AgreementTerminated'] });

    const events = await api.get('/streams/agreement-homework--club/events').expect(200);
    const recorded = (
      events.body as {
        events: { type: string; data: Record<string, unknown>; metadata: { actor: object } }[];
      }
    ).events;
    expect(recorded.map((event) => event.type)).toEqual([
      'AgreementProposed',
      'AgreementSigned',
      'AgreementAmended',
      'AgreementSigned',
      'AgreementSigned',
      'AgreementEnteredIntoForce',
      'AgreementTerminated',
    ]);
    // Who acted comes from the principal, in the data as in the metadata.
    expect(recorded[2].data).toMatchObject({ amendedBy: 'assoc', version: 2, termsHash: version2 });
    expect(recorded[2].metadata.actor).toEqual({
      sub: 'assoc-officer',
      partnerId: 'assoc',
      roles: ['partner'],
    });
    expect(recorded[6].data).toMatchObject({ terminatedBy: 'city' });
  });

  it('lets a party decline, and an administrator record a paper signature for a named party', async () => {
    await propose('mural', { agreementId: 'mural', parties: ['city', 'assoc', 'school'] }).expect(
      201,
    );
    const hash = await currentTermsHash(api, 'homework--mural');
    const paper = await sign('homework--mural', hash, admin, { partyId: 'school' }).expect(201);
    expect(paper.body).toMatchObject({ events: ['AgreementSigned'] });
    const declined = await api
      .post('/agreements/homework--mural/decline', { reason: 'We cannot staff the club' }, assoc)
      .expect(200);
    expect(declined.body).toMatchObject({ events: ['AgreementDeclined'] });
    expect(await agreementState(api, 'homework--mural')).toMatchObject({
      status: 'declined',
      signedBy: ['school'],
    });
    await refused(() => sign('homework--mural', hash), 422, 'agreement-closed');
  });

  describe('refusals, which record nothing', () => {
    beforeAll(async () => {
      await propose('rules').expect(201);
      await sign('homework--rules', await currentTermsHash(api, 'homework--rules')).expect(201);
    });

    it.each([
      ['a party who is not a member', { parties: ['city', 'ghost'] }, 'agreement-party-not-member'],
      ['a single party', { parties: ['city'] }, 'agreement-needs-two-parties'],
      ['a party named twice', { parties: ['city', 'city'] }, 'agreement-parties-duplicated'],
      ['no clause', { clauses: [] }, 'agreement-terms-empty'],
      [
        'a clause id used twice',
        { clauses: [HALL_CLAUSES[0], { ...HALL_CLAUSES[1], clauseId: 'c1' }] },
        'agreement-clauses-duplicated',
      ],
      ['an end date already passed', { endsOn: calendarDay(-2) }, 'agreement-end-date-passed'],
      [
        'a partnership never founded',
        { partnershipId: 'nowhere' },
        'agreement-partnership-not-open',
      ],
    ])('refuses a proposal with %s (422)', async (_case, extra, slug) => {
      // A partner proposes only in its own partnerships (403); an administrator meets the rule.
      const as = 'partnershipId' in extra ? admin : city;
      await refused(() => propose('refused', extra, as), 422, slug);
    });

    it('refuses to propose the same agreement twice (422)', async () => {
      await refused(() => propose('rules'), 422, 'agreement-already-proposed');
    });

    it('refuses signatures that do not bind the current terms of a party (422)', async () => {
      const hash = await currentTermsHash(api, 'homework--rules');
      await refused(() => sign('homework--rules', hash), 422, 'agreement-already-signed');
      await refused(() => sign('homework--rules', hash, school), 422, 'agreement-not-a-party');
      await refused(
        () => sign('homework--rules', 'f'.repeat(64), assoc),
        422,
        'agreement-signature-on-unknown-terms',
      );
      // An administrator acts for no partner, so must say whose paper signature this is.
      await refused(() => sign('homework--rules', hash, admin), 422, 'acting-partner-required');
    });

    it('refuses an amendment that changes nothing, or by a non-party (422)', async () => {
      const same = { clauses: HALL_CLAUSES, reason: 'again' };
      await refused(
        () => api.post('/agreements/homework--rules/amendments', same, assoc),
        422,
        'agreement-amendment-changes-nothing',
      );
      await refused(
        () =>
          api.post(
            '/agreements/homework--rules/amendments',
            { ...same, clauses: [HALL_CLAUSES[0]] },
            school,
          ),
        422,
        'agreement-not-a-party',
      );
    });

    it('refuses to decline signed terms, terminate or expire what is not in force (422)', async () => {
      await refused(
        () => api.post('/agreements/homework--rules/decline', { reason: 'changed our mind' }, city),
        422,
        'agreement-already-signed',
      );
      await refused(
        () => api.post('/agreements/homework--rules/termination', { reason: 'early' }, city),
        422,
        'agreement-not-in-force',
      );
      await refused(
        () => api.post('/agreements/homework--rules/expiry', {}),
        422,
        'agreement-without-end-date',
      );
    });

    it('refuses to decline an agreement already in force (422)', async () => {
      await propose('signed').expect(201);
      const hash = await currentTermsHash(api, 'homework--signed');
      await sign('homework--signed', hash).expect(201);
      await sign('homework--signed', hash, assoc).expect(201);
      await refused(
        () => api.post('/agreements/homework--signed/decline', { reason: 'late' }, assoc),
        422,
        'agreement-not-awaiting-signatures',
      );
    });

    it('answers 404 for an agreement never proposed', async () => {
      await refused(() => sign('nowhere', 'a'.repeat(64)), 404, 'not-found');
      await refused(() => api.post('/agreements/nowhere/expiry', {}), 404, 'not-found');
    });

    it('forbids a partner to act in the name of another partner (403)', async () => {
      const hash = await currentTermsHash(api, 'homework--rules');
      await refused(
        () => sign('homework--rules', hash, city, { partyId: 'assoc' }),
        403,
        'forbidden',
      );
      await refused(
        () =>
          api.post(
            '/agreements/homework--rules/amendments',
            { clauses: [HALL_CLAUSES[0]], reason: 'shorter', amendedBy: 'assoc' },
            city,
          ),
        403,
        'forbidden',
      );
      await refused(
        () =>
          api.post('/agreements/homework--rules/decline', { reason: 'no', partyId: 'city' }, assoc),
        403,
        'forbidden',
      );
    });

    const proposal = {
      partnershipId: 'homework',
      title: 'Bad',
      parties: ['city', 'assoc'],
      clauses: HALL_CLAUSES,
    };
    it.each([
      ['a missing title', { ...proposal, title: undefined }],
      ['clauses that are not a list', { ...proposal, clauses: 'all of them' }],
      ['a clause that is not an object', { ...proposal, clauses: ['c1'] }],
      ['a nested list of clauses', { ...proposal, clauses: [[]] }],
      ['a clause without text', { ...proposal, clauses: [{ clauseId: 'c1' }] }],
      ['a clause with a bad id', { ...proposal, clauses: [{ clauseId: '../c', text: 't' }] }],
      ['a clause with an unknown field', { ...proposal, clauses: [{ ...HALL_CLAUSES[0], x: 1 }] }],
      ['an impossible end date', { ...proposal, endsOn: '2030-02-30' }],
      ['an unknown field', { ...proposal, signedBy: ['city'] }],
    ])('refuses a proposal with %s (400)', async (_case, body) => {
      const before = await api.logSize();
      const response = await api.post('/agreements', body, city);
      expectProblem(response, 400, 'bad-request');
      expect((response.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
      expect(await api.logSize()).toBe(before);
    });

    it.each([
      ['no terms hash', {}],
      ['a terms hash that is not a SHA-256 hex digest', { termsHash: 'v1' }],
      ['a party id that is not an id', { termsHash: 'a'.repeat(64), partyId: 'a b' }],
    ])('refuses a signature with %s (400)', async (_case, body) => {
      await refused(
        () => api.post('/agreements/homework--rules/signatures', body, city),
        400,
        'bad-request',
      );
    });

    it('refuses a bad agreement id in the path (400)', async () => {
      await refused(() => sign('bad%20id', 'a'.repeat(64)), 400, 'bad-request');
    });
  });

  // Last: it moves the API's clock forward, and later events should not be recorded before it.
  it('records that an agreement in force expired once its end date has passed', async () => {
    await propose('summer', { endsOn: calendarDay() }).expect(201);
    const hash = await currentTermsHash(api, 'homework--summer');
    await sign('homework--summer', hash).expect(201);
    await sign('homework--summer', hash, assoc).expect(201);
    await refused(
      () => api.post('/agreements/homework--summer/expiry', {}),
      422,
      'agreement-not-yet-ended',
    );

    // Two days later, as far as the API's clock can tell (only Date is faked).
    jest.useFakeTimers({
      now: Date.now() + 2 * 86_400_000,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const expired = await api.post('/agreements/homework--summer/expiry', {}).expect(200);
      expect(expired.body).toMatchObject({ events: ['AgreementExpired'] });
      expect(await agreementState(api, 'homework--summer')).toMatchObject({ status: 'expired' });
    } finally {
      jest.useRealTimers();
    }
  });
});
