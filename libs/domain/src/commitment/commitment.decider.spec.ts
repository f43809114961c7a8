import { fold, type CommandMetadata } from '../decider';
import type { PartnershipFacts } from '../partnership';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { CommitmentCommand } from './commitment.commands';
import { commitmentDecider } from './commitment.decider';
import type { CommitmentEvent } from './commitment.events';
import { commitmentFacts, isCommitmentOverdue } from './commitment.state';

const metadata: CommandMetadata = {
  actor: { sub: 'user-1', partnerId: 'p1' },
  now: '2026-03-10T09:00:00.000Z',
};
const commitmentId = 'c1';
const partnershipId = 'youth-2026';
const spec = deciderSpecification(commitmentDecider);
const command = commandsOf<CommitmentCommand>(metadata);
const event = eventsOf<CommitmentEvent>();

/** p1 commits; p2 and p3 are the other members. */
const facts = (overrides: Partial<PartnershipFacts> = {}): PartnershipFacts => ({
  partnershipId,
  status: 'active',
  memberIds: ['p1', 'p2', 'p3'],
  openObjectiveIds: ['o1'],
  ...overrides,
});

const made = event('CommitmentMade', {
  commitmentId,
  partnershipId,
  partnerId: 'p1',
  what: 'Tutoring for pupils of Les Tilleuls',
  objectiveId: 'o1',
  beneficiary: { kind: 'group', name: 'pupils of Les Tilleuls' },
  dueDate: '2026-06-30',
  quantity: 40,
  unit: 'hours',
  kind: 'volunteer_time',
});
/** Without quantity, to partner p2. */
const madeToP2 = event('CommitmentMade', {
  commitmentId,
  partnershipId,
  partnerId: 'p1',
  what: 'Lend the hall for the neighbourhood fair',
  beneficiary: { kind: 'partner', partnerId: 'p2' },
  dueDate: '2026-05-01',
  kind: 'venue',
});
const accepted = event('CommitmentAccepted', { commitmentId, acceptedBy: 'p2' });
const claimed = (claimId: string, quantity?: number) =>
  event('FulfilmentClaimed', {
    commitmentId,
    claimId,
    claimedBy: 'p1',
    evidence: `attendance sheet ${claimId}`,
    ...(quantity !== undefined ? { quantity, unit: 'hours' } : {}),
    complete: false,
    deliveredOn: '2026-03-10',
  });
const completeClaim = (claimId: string) => ({
  ...claimed(claimId),
  data: { ...claimed(claimId).data, complete: true },
});
const confirmed = (claimId: string, quantity?: number) =>
  event('FulfilmentConfirmed', {
    commitmentId,
    claimId,
    confirmedBy: 'p2',
    ...(quantity !== undefined ? { quantity, unit: 'hours' } : {}),
  });
const disputed = (claimId: string) =>
  event('FulfilmentDisputed', { commitmentId, claimId, disputedBy: 'p3', reason: 'no sheet' });
/** Accepted, with 10 of 40 hours confirmed. */
const inProgress = [made, accepted, claimed('k1', 10), confirmed('k1', 10)];

const make = (
  data: Partial<Extract<CommitmentCommand, { type: 'MakeCommitment' }>['data']> = {},
  partnership = facts(),
) => ({
  ...command('MakeCommitment', { ...made.data, kind: 'volunteer_time', ...data }),
  partnership,
});
const accept = (acceptedBy = 'p2', partnership = facts()) => ({
  ...command('AcceptCommitment', { commitmentId, acceptedBy }),
  partnership,
});
const amend = (
  terms: { what?: string; dueDate?: string; quantity?: number; unit?: string } = {},
  amendedBy = 'p2',
) => ({
  ...command('AmendCommitment', {
    commitmentId,
    amendedBy,
    reason: 'fewer pupils enrolled',
    what: made.data.what,
    dueDate: made.data.dueDate,
    quantity: made.data.quantity,
    unit: made.data.unit,
    ...terms,
  }),
  partnership: facts(),
});
const claim = (
  data: Partial<Extract<CommitmentCommand, { type: 'ClaimFulfilment' }>['data']> = {},
  partnership = facts(),
) => ({
  ...command('ClaimFulfilment', {
    commitmentId,
    claimId: 'k1',
    claimedBy: 'p1',
    evidence: 'attendance sheet k1',
    ...data,
  }),
  partnership,
});
const confirm = (claimId = 'k1', confirmedBy = 'p2', partnership = facts()) => ({
  ...command('ConfirmFulfilment', { commitmentId, claimId, confirmedBy }),
  partnership,
});
const dispute = (claimId = 'k1', disputedBy = 'p3') => ({
  ...command('DisputeFulfilment', { commitmentId, claimId, disputedBy, reason: 'no sheet' }),
  partnership: facts(),
});
const closeAsPartial = (closedBy = 'p2', partnership = facts()) => ({
  ...command('CloseCommitmentAsPartial', { commitmentId, closedBy, reason: 'school year over' }),
  partnership,
});
const release = (releasedBy: string) =>
  command('ReleaseCommitment', { commitmentId, releasedBy, reason: 'fair cancelled' });
const withdraw = (withdrawnBy: string) =>
  command('WithdrawCommitment', { commitmentId, withdrawnBy, reason: 'volunteers left' });

describe('Commitment decider', () => {
  describe('making a commitment', () => {
    it('records what a member of an open partnership promises, to whom and by when', () =>
      spec.given([]).when(make()).then([made]));
    it('records a commitment without quantity, to a partner of the partnership', () =>
      spec
        .given([])
        .when({
          ...command('MakeCommitment', { ...madeToP2.data, kind: 'venue' }),
          partnership: facts(),
        })
        .then([madeToP2]));
    it('keeps the kind of resource promised', () => {
      expect(fold(commitmentDecider, [made]).kind).toBe('volunteer_time');
      expect(fold(commitmentDecider, [madeToP2]).kind).toBe('venue');
    });
    it('folds a commitment made before commitments had a kind, without a kind', () => {
      const { kind: _kind, ...withoutKind } = made.data;
      const state = fold(commitmentDecider, [{ ...made, data: withoutKind }]);
      expect(state.status).toBe('made');
      expect(state.kind).toBeUndefined();
    });
    it('does not check the acting principal here (authorization comes later)', () =>
      spec
        .given([])
        .when({ ...make(), metadata: { ...metadata, actor: { sub: 'u9', partnerId: 'p9' } } })
        .then([made]));
    it('refuses to make the same commitment twice', () =>
      spec.given([made]).when(make()).thenThrows('commitment-already-made'));
    it('refuses a committing partner who is not a member', () =>
      spec
        .given([])
        .when(make({ partnerId: 'p9' }))
        .thenThrows('commitment-partner-not-member'));
    it('refuses while the partnership is suspended or closed', () => {
      for (const status of ['suspended', 'closed'] as const) {
        spec
          .given([])
          .when(make({}, facts({ status })))
          .thenThrows('commitment-partnership-not-open');
      }
    });
    it('refuses facts about another partnership', () =>
      spec
        .given([])
        .when(make({}, facts({ partnershipId: 'other' })))
        .thenThrows('commitment-partnership-mismatch'));
    it('refuses an objective that is not an open objective of the partnership', () =>
      spec
        .given([])
        .when(make({ objectiveId: 'o2' }))
        .thenThrows('commitment-objective-not-open'));
    it('refuses a beneficiary partner who is not a member', () =>
      spec
        .given([])
        .when(make({ beneficiary: { kind: 'partner', partnerId: 'p9' } }))
        .thenThrows('commitment-beneficiary-not-member'));
    it('refuses a commitment of a partner to itself', () =>
      spec
        .given([])
        .when(make({ beneficiary: { kind: 'partner', partnerId: 'p1' } }))
        .thenThrows('commitment-beneficiary-is-committer'));
    it('accepts a due date now past when the commitment took effect before it (history entered late)', () => {
      const recordedLate = { ...metadata, effectiveDate: '2025-03-14' };
      spec
        .given([])
        .when({ ...make({ dueDate: '2025-06-30' }), metadata: recordedLate })
        .then([
          event('CommitmentMade', {
            ...make({ dueDate: '2025-06-30' }).data,
          }),
        ]);
    });
    it('refuses a due date before the day the commitment took effect', () =>
      spec
        .given([])
        .when({
          ...make({ dueDate: '2025-03-13' }),
          metadata: { ...metadata, effectiveDate: '2025-03-14' },
        })
        .thenThrows('commitment-due-date-in-the-past'));
    it('refuses a due date that has passed, or that is not a date', () => {
      spec
        .given([])
        .when(make({ dueDate: '2026-03-09' }))
        .thenThrows('commitment-due-date-in-the-past');
      spec
        .given([])
        .when(make({ dueDate: '2026-02-30' }))
        .thenThrows('commitment-due-date-invalid');
    });
    it('refuses a quantity without unit, or a unit without quantity', () => {
      spec
        .given([])
        .when(make({ unit: undefined }))
        .thenThrows('commitment-quantity-and-unit-together');
      spec
        .given([])
        .when(make({ quantity: undefined }))
        .thenThrows('commitment-quantity-and-unit-together');
    });
    it('refuses a quantity that is not positive', () =>
      spec
        .given([])
        .when(make({ quantity: 0 }))
        .thenThrows('commitment-quantity-not-positive'));
    it('refuses any other command on a commitment never made', () =>
      spec.given([]).when(accept()).thenThrows('not-found'));
  });

  describe('acceptance by the partnership', () => {
    it('is accepted by a member other than the committer', () =>
      spec.given([made]).when(accept('p2')).then([accepted]));
    it('refuses acceptance by the committer', () =>
      spec.given([made]).when(accept('p1')).thenThrows('commitment-needs-another-member'));
    it('refuses acceptance by a non-member', () =>
      spec.given([made]).when(accept('p9')).thenThrows('commitment-partner-not-member'));
    it('refuses accepting twice', () =>
      spec.given([made, accepted]).when(accept('p3')).thenThrows('commitment-already-accepted'));
    it('refuses acceptance while the partnership is suspended', () =>
      spec
        .given([made])
        .when(accept('p2', facts({ status: 'suspended' })))
        .thenThrows('commitment-partnership-not-open'));
  });

  describe('amendment (renegotiation)', () => {
    it('records the new terms with the reason', () =>
      spec
        .given([made, accepted])
        .when(amend({ quantity: 30, dueDate: '2026-07-15' }))
        .then([
          event('CommitmentAmended', {
            commitmentId,
            amendedBy: 'p2',
            reason: 'fewer pupils enrolled',
            what: made.data.what,
            dueDate: '2026-07-15',
            quantity: 30,
            unit: 'hours',
          }),
        ]));
    it('refuses an amendment by a non-member', () =>
      spec
        .given([made])
        .when(amend({ quantity: 30 }, 'p9'))
        .thenThrows('commitment-partner-not-member'));
    it('refuses an amendment that changes nothing', () =>
      spec.given([made]).when(amend()).thenThrows('commitment-amendment-changes-nothing'));
    it('refuses a new due date that has passed', () =>
      spec
        .given([made])
        .when(amend({ dueDate: '2026-01-31' }))
        .thenThrows('commitment-due-date-in-the-past'));
    it('refuses to change the unit once a delivery is confirmed', () =>
      spec
        .given(inProgress)
        .when(amend({ quantity: 5, unit: 'days' }))
        .thenThrows('commitment-unit-fixed-after-delivery'));
    it('refuses a quantity at or below what is already delivered', () =>
      spec
        .given(inProgress)
        .when(amend({ quantity: 10 }))
        .thenThrows('commitment-amendment-below-delivered'));
  });

  describe('claiming fulfilment', () => {
    it('lets the committer claim with evidence; the quantity is in the commitment unit', () =>
      spec
        .given([made, accepted])
        .when(claim({ quantity: 10 }))
        .then([claimed('k1', 10)]));
    it('records the contribution a claim comes from, delivered on its date', () =>
      spec
        .given([made, accepted])
        .when(
          claim({ quantity: 10, unit: 'hours', contributionId: 'ct1', deliveredOn: '2026-03-02' }),
        )
        .then([
          {
            ...claimed('k1', 10),
            data: { ...claimed('k1', 10).data, contributionId: 'ct1', deliveredOn: '2026-03-02' },
          },
        ]));
    it('dates a delivery claimed without a contribution on the day the claim took effect', () =>
      spec
        .given([made, accepted])
        .when({
          ...claim({ quantity: 10 }),
          metadata: { ...metadata, effectiveDate: '2026-03-05' },
        })
        .then([
          { ...claimed('k1', 10), data: { ...claimed('k1', 10).data, deliveredOn: '2026-03-05' } },
        ]));
    it('refuses a claim before the partnership accepted the commitment', () =>
      spec.given([made]).when(claim()).thenThrows('commitment-not-accepted'));
    it('refuses a claim by anyone but the committer', () =>
      spec
        .given([made, accepted])
        .when(claim({ claimedBy: 'p2' }))
        .thenThrows('commitment-committer-only'));
    it('refuses a claim id used before', () =>
      spec
        .given([made, accepted, claimed('k1', 5)])
        .when(claim({ quantity: 5 }))
        .thenThrows('commitment-claim-already-made'));
    it('refuses to claim the same contribution twice', () =>
      spec
        .given([
          made,
          accepted,
          { ...claimed('k1', 5), data: { ...claimed('k1', 5).data, contributionId: 'ct1' } },
        ])
        .when(claim({ claimId: 'k2', quantity: 5, contributionId: 'ct1' }))
        .thenThrows('commitment-contribution-already-claimed'));
    it('refuses a quantity in another unit than the commitment', () =>
      spec
        .given([made, accepted])
        .when(claim({ quantity: 2, unit: 'days' }))
        .thenThrows('commitment-claim-unit-mismatch'));
    it('refuses to mark complete a commitment that counts a quantity', () =>
      spec
        .given([made, accepted])
        .when(claim({ complete: true }))
        .thenThrows('commitment-quantified-fulfilled-by-quantity'));
    it('refuses a claimed quantity that is not positive', () =>
      spec
        .given([made, accepted])
        .when(claim({ quantity: -3 }))
        .thenThrows('commitment-quantity-not-positive'));
    it('refuses a quantity without unit on a commitment without quantity', () =>
      spec
        .given([madeToP2, accepted])
        .when(claim({ quantity: 3 }))
        .thenThrows('commitment-quantity-and-unit-together'));
    it('refuses a claim while the partnership is suspended', () =>
      spec
        .given([made, accepted])
        .when(claim({}, facts({ status: 'suspended' })))
        .thenThrows('commitment-partnership-not-open'));
  });

  describe('confirming fulfilment', () => {
    it('a partial delivery confirmed by another member is only confirmed', () =>
      spec
        .given([made, accepted, claimed('k1', 10)])
        .when(confirm('k1'))
        .then([confirmed('k1', 10)]));
    it('confirmed quantities add up; reaching the promise fulfils the commitment', () =>
      spec
        .given([...inProgress, claimed('k2', 30)])
        .when(confirm('k2'))
        .then([
          confirmed('k2', 30),
          event('CommitmentFulfilled', {
            commitmentId,
            claimId: 'k2',
            deliveredQuantity: 40,
            unit: 'hours',
          }),
        ]));
    it('delivering more than promised fulfils it too', () =>
      spec
        .given([...inProgress, claimed('k2', 35)])
        .when(confirm('k2'))
        .then([
          confirmed('k2', 35),
          event('CommitmentFulfilled', {
            commitmentId,
            claimId: 'k2',
            deliveredQuantity: 45,
            unit: 'hours',
          }),
        ]));
    it('without quantity, confirming a claim marked complete fulfils the commitment', () => {
      spec
        .given([madeToP2, accepted, completeClaim('k1')])
        .when(confirm('k1', 'p3'))
        .then([
          { ...confirmed('k1'), data: { ...confirmed('k1').data, confirmedBy: 'p3' } },
          event('CommitmentFulfilled', { commitmentId, claimId: 'k1' }),
        ]);
      spec
        .given([madeToP2, accepted, claimed('k1')])
        .when(confirm('k1'))
        .then([confirmed('k1')]);
    });
    it('refuses confirmation by the committer', () =>
      spec
        .given([made, accepted, claimed('k1', 10)])
        .when(confirm('k1', 'p1'))
        .thenThrows('commitment-needs-another-member'));
    it('refuses confirmation by a non-member', () =>
      spec
        .given([made, accepted, claimed('k1', 10)])
        .when(confirm('k1', 'p9'))
        .thenThrows('commitment-partner-not-member'));
    it('refuses an unknown claim', () =>
      spec.given([made, accepted]).when(confirm('k9')).thenThrows('commitment-claim-unknown'));
    it('confirms or disputes a claim once only', () => {
      spec.given(inProgress).when(confirm('k1')).thenThrows('commitment-claim-already-settled');
      spec
        .given([made, accepted, claimed('k1', 10), disputed('k1')])
        .when(confirm('k1'))
        .thenThrows('commitment-claim-already-settled');
    });
    it('refuses to add a pending claim in a unit the terms no longer use', () => {
      const inDays = amend({ quantity: 5, unit: 'days' }).data;
      spec
        .given([made, accepted, claimed('k1', 10), { type: 'CommitmentAmended', data: inDays }])
        .when(confirm('k1'))
        .thenThrows('commitment-claim-unit-mismatch');
    });
  });

  describe('disputing fulfilment', () => {
    it('another member disputes a claim with a reason', () =>
      spec
        .given([made, accepted, claimed('k1', 10)])
        .when(dispute('k1', 'p3'))
        .then([disputed('k1')]));
    it('refuses a dispute by the committer', () =>
      spec
        .given([made, accepted, claimed('k1', 10)])
        .when(dispute('k1', 'p1'))
        .thenThrows('commitment-needs-another-member'));
  });

  describe('ending', () => {
    it('closes as partial, recording what was delivered', () =>
      spec
        .given(inProgress)
        .when(closeAsPartial('p2'))
        .then([
          event('CommitmentClosedAsPartial', {
            commitmentId,
            closedBy: 'p2',
            reason: 'school year over',
            deliveredQuantity: 10,
            unit: 'hours',
          }),
        ]));
    it('closes as partial even once the partnership is closed', () =>
      spec
        .given(inProgress)
        .when(closeAsPartial('p2', facts({ status: 'closed' })))
        .then([
          event('CommitmentClosedAsPartial', {
            commitmentId,
            closedBy: 'p2',
            reason: 'school year over',
            deliveredQuantity: 10,
            unit: 'hours',
          }),
        ]));
    it('refuses to close as partial when nothing was confirmed', () =>
      spec
        .given([made, accepted, claimed('k1', 10)])
        .when(closeAsPartial('p2'))
        .thenThrows('commitment-nothing-delivered'));
    it('refuses closure as partial by the committer', () =>
      spec
        .given(inProgress)
        .when(closeAsPartial('p1'))
        .thenThrows('commitment-needs-another-member'));
    it('is released by its beneficiary partner', () =>
      spec
        .given([madeToP2, accepted])
        .when(release('p2'))
        .then([
          event('CommitmentReleased', { commitmentId, releasedBy: 'p2', reason: 'fair cancelled' }),
        ]));
    it('refuses a release by anyone but the beneficiary partner', () => {
      spec
        .given([madeToP2, accepted])
        .when(release('p3'))
        .thenThrows('commitment-release-not-by-beneficiary');
      // A group is no partner: nobody can waive on its behalf.
      spec
        .given([made, accepted])
        .when(release('p2'))
        .thenThrows('commitment-release-not-by-beneficiary');
    });
    it('is withdrawn by the committer, with a reason', () =>
      spec
        .given(inProgress)
        .when(withdraw('p1'))
        .then([
          event('CommitmentWithdrawn', {
            commitmentId,
            withdrawnBy: 'p1',
            reason: 'volunteers left',
          }),
        ]));
    it('refuses a withdrawal by anyone but the committer', () =>
      spec.given([made]).when(withdraw('p2')).thenThrows('commitment-committer-only'));
    it('accepts nothing new once fulfilled, closed as partial, released or withdrawn', () => {
      const endings: CommitmentEvent[] = [
        event('CommitmentFulfilled', { commitmentId, claimId: 'k1' }),
        event('CommitmentClosedAsPartial', { commitmentId, closedBy: 'p2', reason: 'r' }),
        event('CommitmentReleased', { commitmentId, releasedBy: 'p2', reason: 'r' }),
        event('CommitmentWithdrawn', { commitmentId, withdrawnBy: 'p1', reason: 'r' }),
      ];
      for (const ending of endings) {
        for (const next of [
          claim({ claimId: 'k2', quantity: 1 }),
          amend({ quantity: 50 }),
          withdraw('p1'),
        ]) {
          spec
            .given([...inProgress, ending])
            .when(next)
            .thenThrows('commitment-ended');
        }
      }
    });
  });

  describe('state', () => {
    it('folds status, terms history, claims and the confirmed quantity', () => {
      const amended = amend({ quantity: 30, dueDate: '2026-07-15' }).data;
      const state = fold(commitmentDecider, [
        made,
        accepted,
        { type: 'CommitmentAmended', data: amended },
        claimed('k1', 10),
        confirmed('k1', 10),
        claimed('k2', 5),
        disputed('k2'),
      ]);
      expect(state.status).toBe('in_progress');
      expect(state.terms).toEqual({
        what: made.data.what,
        dueDate: '2026-07-15',
        quantity: 30,
        unit: 'hours',
      });
      expect(state.termsHistory).toEqual([
        { version: 1, what: made.data.what, dueDate: '2026-06-30', quantity: 40, unit: 'hours' },
        {
          version: 2,
          what: made.data.what,
          dueDate: '2026-07-15',
          quantity: 30,
          unit: 'hours',
          amendedBy: 'p2',
          reason: 'fewer pupils enrolled',
        },
      ]);
      expect(state.confirmedQuantity).toBe(10);
      expect(state.claims.k1).toMatchObject({ status: 'confirmed', settledBy: 'p2' });
      expect(state.claims.k2).toMatchObject({ status: 'disputed', settledBy: 'p3' });
    });
    it('adds up decimal quantities without float drift', () => {
      const tenths = event('CommitmentMade', { ...made.data, quantity: 0.3 });
      spec
        .given([tenths, accepted, claimed('k1', 0.1), confirmed('k1', 0.1), claimed('k2', 0.2)])
        .when(confirm('k2'))
        .then([
          confirmed('k2', 0.2),
          event('CommitmentFulfilled', {
            commitmentId,
            claimId: 'k2',
            deliveredQuantity: 0.3,
            unit: 'hours',
          }),
        ]);
    });
    it('derives overdue from the due date, never from an event', () => {
      const open = fold(commitmentDecider, [made, accepted]);
      expect(isCommitmentOverdue(open, '2026-06-30')).toBe(false);
      expect(isCommitmentOverdue(open, '2026-07-01')).toBe(true);
      const done = fold(commitmentDecider, [
        made,
        accepted,
        event('CommitmentWithdrawn', { commitmentId, withdrawnBy: 'p1', reason: 'r' }),
      ]);
      expect(isCommitmentOverdue(done, '2026-07-01')).toBe(false);
    });
    it('exposes facts for a contribution that fulfils it', () => {
      expect(commitmentFacts(commitmentId, fold(commitmentDecider, [made, accepted]))).toEqual({
        commitmentId,
        status: 'accepted',
        partnershipId,
        committerId: 'p1',
        unit: 'hours',
      });
      expect(commitmentFacts('c9', commitmentDecider.initialState())).toEqual({
        commitmentId: 'c9',
        status: 'none',
      });
    });
  });
});
