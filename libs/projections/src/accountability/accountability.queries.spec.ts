import type { CommitmentEvent } from '@cohesion/domain';
import { commitmentEvent, type GivenEvent, partnershipFoundedWith, project } from '../testing';
import { partnerAccountability, partnershipAccountability } from './accountability-reports.queries';
import { accountabilityProjector } from './accountability.projector';
import { commitmentDetail, listCommitments } from './accountability.queries';

type Made = Extract<CommitmentEvent, { type: 'CommitmentMade' }>['data'];

/** A commitment's life: made by `partnerId`, then what `then` adds (each may set its time). */
function life(
  commitmentId: string,
  partnerId: string,
  dueDate: string,
  then: readonly ('accept' | 'deliver' | 'withdraw' | 'release' | 'close')[] = [],
  extra: Partial<Made> = {},
  deliveredAt?: string,
): GivenEvent[] {
  const other = partnerId === 'acme' ? 'sos' : 'acme';
  const steps: GivenEvent[] = [
    commitmentEvent('CommitmentMade', {
      commitmentId,
      partnershipId: 'tilleuls',
      partnerId,
      beneficiary: { kind: 'partner', partnerId: other },
      what: `Deliver ${commitmentId}`,
      dueDate,
      quantity: 10,
      unit: 'hours',
      kind: 'volunteer_time',
      ...extra,
    }),
  ];
  for (const step of then) {
    if (step === 'accept')
      steps.push(commitmentEvent('CommitmentAccepted', { commitmentId, acceptedBy: other }));
    if (step === 'deliver' || step === 'close') {
      const quantity = step === 'deliver' ? 10 : 4;
      steps.push(
        commitmentEvent('FulfilmentClaimed', {
          commitmentId,
          claimId: `${commitmentId}-claim`,
          claimedBy: partnerId,
          evidence: 'Sheets',
          quantity,
          unit: 'hours',
          complete: false,
          // Delivered the day it was confirmed.
          ...(deliveredAt === undefined ? {} : { deliveredOn: deliveredAt.slice(0, 10) }),
        }),
        commitmentEvent(
          'FulfilmentConfirmed',
          {
            commitmentId,
            claimId: `${commitmentId}-claim`,
            confirmedBy: other,
            quantity,
            unit: 'hours',
          },
          deliveredAt,
        ),
      );
    }
    if (step === 'deliver')
      steps.push(
        commitmentEvent(
          'CommitmentFulfilled',
          { commitmentId, claimId: `${commitmentId}-claim`, deliveredQuantity: 10, unit: 'hours' },
          deliveredAt,
        ),
      );
    if (step === 'close')
      steps.push(
        commitmentEvent('CommitmentClosedAsPartial', {
          commitmentId,
          closedBy: other,
          reason: 'Enough',
          deliveredQuantity: 4,
          unit: 'hours',
        }),
      );
    if (step === 'withdraw')
      steps.push(
        commitmentEvent('CommitmentWithdrawn', {
          commitmentId,
          withdrawnBy: partnerId,
          reason: 'Cut',
        }),
      );
    if (step === 'release')
      steps.push(
        commitmentEvent('CommitmentReleased', {
          commitmentId,
          releasedBy: other,
          reason: 'Waived',
        }),
      );
  }
  return steps;
}

// Events are recorded from 2026-01-01T09:00Z, a minute apart, unless their time is given.
const db = project(accountabilityProjector, [
  ...partnershipFoundedWith('tilleuls', ['acme', 'sos', 'city']),
  ...partnershipFoundedWith('source', ['acme', 'sos']),
  ...life('a1', 'acme', '2026-06-30', ['accept', 'deliver'], {
    objectiveId: 'dropout',
    kind: 'expertise',
  }),
  ...life('a2', 'acme', '2026-03-31', ['accept']),
  ...life('a3', 'acme', '2026-03-31', ['withdraw']),
  ...life('s1', 'sos', '2026-12-31', [], { kind: 'expertise' }),
  // Made before commitments had a kind.
  ...life('s2', 'sos', '2026-02-28', ['accept', 'release'], { kind: undefined }),
  ...life('s3', 'sos', '2026-02-28', ['accept', 'close']),
  ...life('s4', 'sos', '2026-01-01', ['accept', 'deliver'], {}, '2026-01-02T10:00:00.000Z'),
  ...life('elsewhere', 'acme', '2026-03-31', [], { partnershipId: 'source' }),
]);
const ids = (items: readonly { commitmentId: string }[]) => items.map((c) => c.commitmentId);
const asOf = '2026-04-01';

describe('accountability queries', () => {
  describe('listCommitments', () => {
    const list = (filter: Parameters<typeof listCommitments>[1], after?: number, limit = 50) =>
      listCommitments(db, filter, { after, limit }, asOf);

    it('lists every commitment in the order made, with overdue derived as of the day', () => {
      const all = list({});
      expect(ids(all)).toEqual(['a1', 'a2', 'a3', 's1', 's2', 's3', 's4', 'elsewhere']);
      expect(all.filter((c) => c.overdue).map((c) => c.commitmentId)).toEqual(['a2', 'elsewhere']);
      expect(
        ids(listCommitments(db, {}, { limit: 50 }, '2026-03-31').filter((c) => c.overdue)),
      ).toEqual([]);
    });

    it('filters by partnership, partner, objective and status (or any open one)', () => {
      expect(ids(list({ partnershipId: 'tilleuls', partnerId: 'acme' }))).toEqual([
        'a1',
        'a2',
        'a3',
      ]);
      expect(ids(list({ partnerId: 'acme' }))).toEqual(['a1', 'a2', 'a3', 'elsewhere']);
      expect(ids(list({ objectiveId: 'dropout' }))).toEqual(['a1']);
      expect(ids(list({ kind: 'expertise' }))).toEqual(['a1', 's1']);
      expect(ids(list({ kind: 'unspecified' }))).toEqual(['s2']);
      expect(ids(list({ kind: 'money' }))).toEqual([]);
      expect(ids(list({ status: 'fulfilled' }))).toEqual(['a1', 's4']);
      expect(ids(list({ status: 'open', partnershipId: 'tilleuls' }))).toEqual(['a2', 's1']);
    });

    it('filters the commitments overdue on a day', () => {
      expect(ids(list({ overdueAsOf: '2026-04-01' }))).toEqual(['a2', 'elsewhere']);
      expect(ids(list({ overdueAsOf: '2027-01-01', partnerId: 'sos' }))).toEqual(['s1']);
    });

    it('pages after the position of the last commitment seen', () => {
      // `limit + 1` rows: the extra one tells that a next page exists.
      const first = list({}, undefined, 2);
      expect(ids(first)).toEqual(['a1', 'a2', 'a3']);
      expect(ids(list({}, first[2].position, 2))).toEqual(['s1', 's2', 's3']);
    });

    it('answers a commitment as the list shows it', () => {
      expect(list({ partnerId: 'sos', status: 'fulfilled' })).toEqual([
        {
          commitmentId: 's4',
          position: expect.any(Number) as number,
          partnershipId: 'tilleuls',
          partnerId: 'sos',
          objectiveId: null,
          beneficiary: { kind: 'partner', partnerId: 'acme' },
          kind: 'volunteer_time',
          what: 'Deliver s4',
          dueDate: '2026-01-01',
          quantity: 10,
          unit: 'hours',
          termsVersion: 1,
          status: 'fulfilled',
          confirmedQuantity: 10,
          acceptedBy: 'acme',
          madeAt: expect.any(String) as string,
          madeOn: '2026-01-01',
          backfilled: false,
          backfillReason: null,
          endedAt: '2026-01-02T10:00:00.000Z',
          endedOn: '2026-01-02',
          endReason: null,
          deliveredOn: '2026-01-02',
          fulfilledOnTime: false,
          overdue: false,
          claims: { pending: 0, confirmed: 1, disputed: 0 },
        },
      ]);
    });
  });

  describe('commitmentDetail', () => {
    it('answers the terms history, the evidence and the status history', () => {
      const detail = commitmentDetail(db, 's3', asOf);
      expect(detail).toMatchObject({
        commitmentId: 's3',
        status: 'closed_partial',
        confirmedQuantity: 4,
      });
      expect(detail?.termsHistory).toEqual([
        expect.objectContaining({ version: 1, dueDate: '2026-02-28', amendedBy: null }),
      ]);
      expect(detail?.evidence).toEqual([
        expect.objectContaining({
          claimId: 's3-claim',
          evidence: 'Sheets',
          quantity: 4,
          complete: false,
          status: 'confirmed',
          settledBy: 'acme',
        }),
      ]);
      expect(
        detail?.statusHistory.map(({ from, to, by, reason }) => [from, to, by, reason]),
      ).toEqual([
        [null, 'made', 'sos', null],
        ['made', 'accepted', 'acme', null],
        ['accepted', 'in_progress', 'acme', null],
        ['in_progress', 'closed_partial', 'acme', 'Enough'],
      ]);
    });

    it('answers undefined for an unknown commitment', () =>
      expect(commitmentDetail(db, 'nope', asOf)).toBeUndefined());
  });

  describe('partnershipAccountability', () => {
    const report = partnershipAccountability(db, 'tilleuls', asOf, { limit: 50 });

    it('sums up the partnership with its rates', () =>
      expect(report?.summary).toEqual({
        made: 7,
        open: 2,
        fulfilled: 2,
        closedPartial: 1,
        released: 1,
        withdrawn: 1,
        overdue: 1,
        fulfilledOnTime: 1,
        // 2 fulfilled of 5 come to term (2 fulfilled, 1 partial, 1 withdrawn, 1 overdue)
        fulfilmentRate: 0.4,
        onTimeRate: 0.5,
      }));

    it('lists every partner, including one who committed nothing, with its commitments', () => {
      expect(
        report?.partners.map((p) => [p.partnerId, p.name, p.member, ids(p.commitments)]),
      ).toEqual([
        ['acme', 'Partner acme', true, ['a1', 'a2', 'a3']],
        ['city', 'Partner city', true, []],
        ['sos', 'Partner sos', true, ['s1', 's2', 's3', 's4']],
      ]);
      expect(report?.partners[0].summary).toMatchObject({
        made: 3,
        fulfilled: 1,
        overdue: 1,
        withdrawn: 1,
        fulfilmentRate: 0.3333,
        onTimeRate: 1,
      });
      expect(report?.partners[1].summary).toMatchObject({
        made: 0,
        fulfilmentRate: null,
        onTimeRate: null,
      });
      expect(report?.lastPartnerId).toBeNull();
    });

    it('pages through the partners', () => {
      const first = partnershipAccountability(db, 'tilleuls', asOf, { limit: 2 });
      expect(first?.partners.map((p) => p.partnerId)).toEqual(['acme', 'city']);
      expect(first?.lastPartnerId).toBe('city');
      const second = partnershipAccountability(db, 'tilleuls', asOf, {
        afterPartnerId: 'city',
        limit: 2,
      });
      expect(second?.partners.map((p) => p.partnerId)).toEqual(['sos']);
      expect(second?.summary.made).toBe(7);
    });

    it('answers undefined for an unknown partnership', () =>
      expect(partnershipAccountability(db, 'nowhere', asOf, { limit: 5 })).toBeUndefined());

    it('answers who committed a kind: only those commitments, only the partners who made one', () => {
      const expertise = partnershipAccountability(db, 'tilleuls', asOf, { limit: 50 }, 'expertise');
      expect(expertise?.kind).toBe('expertise');
      expect(expertise?.partners.map((p) => [p.partnerId, ids(p.commitments)])).toEqual([
        ['acme', ['a1']],
        ['sos', ['s1']],
      ]);
      expect(expertise?.summary).toMatchObject({ made: 2, fulfilled: 1, open: 1 });
      expect(expertise?.partners[0].summary).toMatchObject({ made: 1, fulfilled: 1 });
      expect(report?.kind).toBeNull();
      const money = partnershipAccountability(db, 'tilleuls', asOf, { limit: 50 }, 'money');
      expect(money?.partners).toEqual([]);
      expect(money?.summary.made).toBe(0);
    });
  });

  describe('partnerAccountability', () => {
    it("sums up a partner's commitments in every partnership it joined", () => {
      const acme = partnerAccountability(db, 'acme', asOf);
      expect(acme?.summary).toMatchObject({ made: 4, overdue: 2, fulfilled: 1 });
      expect(acme?.partnerships.map((p) => [p.partnershipId, p.name, p.summary.made])).toEqual([
        ['source', 'Partnership source', 1],
        ['tilleuls', 'Partnership tilleuls', 3],
      ]);
      expect(partnerAccountability(db, 'city', asOf)?.summary.made).toBe(0);
    });

    it('answers undefined for an unknown partner', () =>
      expect(partnerAccountability(db, 'nobody', asOf)).toBeUndefined());
  });
});
