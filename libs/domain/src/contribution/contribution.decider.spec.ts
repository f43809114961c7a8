import type { CommitmentFacts } from '../commitment';
import { fold, type CommandMetadata } from '../decider';
import type { PartnershipFacts } from '../partnership';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { ContributionCommand } from './contribution.commands';
import { contributionDecider } from './contribution.decider';
import type { ContributionEvent, ContributionKind } from './contribution.events';
import { fulfilmentClaimFor } from './contribution.fulfilment';
import { isUnitConsistentWithKind } from './contribution.units';

const metadata: CommandMetadata = {
  actor: { sub: 'user-1', partnerId: 'p1' },
  now: '2026-03-10T09:00:00.000Z',
};
const contributionId = 'ct1';
const partnershipId = 'youth-2026';
const spec = deciderSpecification(contributionDecider);
const command = commandsOf<ContributionCommand>(metadata);
const event = eventsOf<ContributionEvent>();

const facts = (overrides: Partial<PartnershipFacts> = {}): PartnershipFacts => ({
  partnershipId,
  status: 'active',
  memberIds: ['p1', 'p2', 'p3'],
  openObjectiveIds: [],
  ...overrides,
});
/** Commitment c1: p1 promised hours of tutoring, accepted by the partnership. */
const commitment = (overrides: Partial<CommitmentFacts> = {}): CommitmentFacts => ({
  commitmentId: 'c1',
  status: 'accepted',
  partnershipId,
  committerId: 'p1',
  unit: 'hours',
  ...overrides,
});

const recorded = event('ContributionRecorded', {
  contributionId,
  partnershipId,
  partnerId: 'p1',
  kind: 'volunteer_time',
  quantity: 12,
  unit: 'hours',
  date: '2026-03-07',
  description: 'Homework club, week 10',
});
const towardsC1 = event('ContributionRecorded', { ...recorded.data, commitmentId: 'c1' });
const acknowledged = (acknowledgedBy: string) =>
  event('ContributionAcknowledged', { contributionId, acknowledgedBy });
const reversed = event('ContributionReversed', { contributionId, reason: 'entered twice' });

type RecordData = Extract<ContributionCommand, { type: 'RecordContribution' }>['data'];
const record = (
  data: Partial<RecordData> = {},
  partnership = facts(),
  fulfils?: CommitmentFacts,
) => ({
  ...command('RecordContribution', { ...recorded.data, ...data }),
  partnership,
  ...(fulfils ? { commitment: fulfils } : {}),
});
const acknowledge = (acknowledgedBy: string, partnership = facts()) => ({
  ...command('AcknowledgeContribution', { contributionId, acknowledgedBy }),
  partnership,
});
const reverse = command('ReverseContribution', reversed.data);

describe('Contribution decider', () => {
  describe('recording', () => {
    it('records the raw quantity and unit a member gave', () =>
      spec.given([]).when(record()).then([recorded]));
    it('refuses to record the same contribution twice', () =>
      spec.given([recorded]).when(record()).thenThrows('contribution-already-recorded'));
    it('refuses a contributor who is not a member', () =>
      spec
        .given([])
        .when(record({ partnerId: 'p9' }))
        .thenThrows('contribution-partner-not-member'));
    it('refuses while the partnership is suspended or closed', () => {
      for (const status of ['suspended', 'closed'] as const) {
        spec
          .given([])
          .when(record({}, facts({ status })))
          .thenThrows('contribution-partnership-not-open');
      }
    });
    it('refuses facts about another partnership', () =>
      spec
        .given([])
        .when(record({}, facts({ partnershipId: 'other' })))
        .thenThrows('contribution-partnership-mismatch'));
    it('refuses a quantity that is not positive', () => {
      for (const quantity of [0, -5, Number.NaN]) {
        spec.given([]).when(record({ quantity })).thenThrows('contribution-quantity-not-positive');
      }
    });
    it('refuses a unit inconsistent with the kind', () => {
      for (const [kind, unit] of [
        ['money', 'euros'],
        ['volunteer_time', 'days'],
        ['expertise', 'EUR'],
        ['venue', 'items'],
        ['in_kind', 'EUR'],
      ] as const) {
        spec
          .given([])
          .when(record({ kind, unit }))
          .thenThrows('contribution-unit-inconsistent-with-kind');
      }
    });
    it('accepts money in a currency, goods in any other unit, venues in hours or days', () => {
      for (const [kind, unit] of [
        ['money', 'EUR'],
        ['in_kind', 'kg'],
        ['venue', 'days'],
        ['other', 'EUR'],
      ] as const) {
        const data = { ...recorded.data, kind, unit };
        spec
          .given([])
          .when(record(data))
          .then([{ type: 'ContributionRecorded', data }]);
      }
    });
    it('refuses a date after today (by the command clock), or no date at all', () => {
      spec
        .given([])
        .when(record({ date: '2026-03-11' }))
        .thenThrows('contribution-date-in-the-future');
      spec
        .given([])
        .when(record({ date: '10/03/2026' }))
        .thenThrows('contribution-date-invalid');
    });
    it('may be given today', () =>
      spec
        .given([])
        .when(record({ date: '2026-03-10' }))
        .then([{ ...recorded, data: { ...recorded.data, date: '2026-03-10' } }]));
  });

  describe('fulfilling a commitment', () => {
    it('records a contribution towards an accepted commitment of the contributor', () =>
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }, facts(), commitment()))
        .then([towardsC1]));
    it('accepts any unit towards a commitment without quantity', () =>
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }, facts(), commitment({ unit: undefined })))
        .then([towardsC1]));
    it('refuses a commitment the handler found no facts for', () => {
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }))
        .thenThrows('contribution-commitment-unknown');
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }, facts(), commitment({ status: 'none' })))
        .thenThrows('contribution-commitment-unknown');
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }, facts(), commitment({ commitmentId: 'c2' })))
        .thenThrows('contribution-commitment-unknown');
    });
    it('refuses a commitment of another partnership as one never made', () =>
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }, facts(), commitment({ partnershipId: 'other' })))
        .thenThrows('contribution-commitment-unknown'));
    it("refuses another partner's commitment", () =>
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }, facts(), commitment({ committerId: 'p2' })))
        .thenThrows('contribution-commitment-not-by-contributor'));
    it('refuses a commitment not accepted yet, or already ended', () => {
      for (const status of ['made', 'fulfilled', 'withdrawn'] as const) {
        spec
          .given([])
          .when(record({ commitmentId: 'c1' }, facts(), commitment({ status })))
          .thenThrows('contribution-commitment-not-claimable');
      }
    });
    it('refuses a unit other than the one the commitment counts', () =>
      spec
        .given([])
        .when(record({ commitmentId: 'c1' }, facts(), commitment({ unit: 'days' })))
        .thenThrows('contribution-commitment-unit-mismatch'));
    it('tells the handler to claim fulfilment of the commitment', () => {
      expect(fulfilmentClaimFor(towardsC1)).toEqual({
        commitmentId: 'c1',
        claimId: 'contribution-ct1',
        claimedBy: 'p1',
        evidence: 'Contribution ct1 of 2026-03-07: Homework club, week 10',
        quantity: 12,
        unit: 'hours',
        contributionId: 'ct1',
        deliveredOn: '2026-03-07',
      });
      expect(fulfilmentClaimFor(recorded)).toBeUndefined();
      expect(fulfilmentClaimFor(reversed)).toBeUndefined();
    });
  });

  describe('acknowledgement', () => {
    it('is acknowledged by another member', () =>
      spec
        .given([recorded])
        .when(acknowledge('p2'))
        .then([acknowledged('p2')]));
    it('is acknowledged by several members, each once', () => {
      spec
        .given([recorded, acknowledged('p2')])
        .when(acknowledge('p3'))
        .then([acknowledged('p3')]);
      spec
        .given([recorded, acknowledged('p2')])
        .when(acknowledge('p2'))
        .thenThrows('contribution-already-acknowledged');
    });
    it('refuses an acknowledgement by the contributor', () =>
      spec
        .given([recorded])
        .when(acknowledge('p1'))
        .thenThrows('contribution-self-acknowledgement'));
    it('refuses an acknowledgement by a non-member', () =>
      spec.given([recorded]).when(acknowledge('p9')).thenThrows('contribution-partner-not-member'));
    it('refuses an acknowledgement while the partnership is suspended', () =>
      spec
        .given([recorded])
        .when(acknowledge('p2', facts({ status: 'suspended' })))
        .thenThrows('contribution-partnership-not-open'));
    it('refuses any command on a contribution never recorded', () =>
      spec.given([]).when(acknowledge('p2')).thenThrows('not-found'));
  });

  describe('reversal', () => {
    it('reverses a contribution with a reason, even acknowledged', () =>
      spec
        .given([recorded, acknowledged('p2')])
        .when(reverse)
        .then([reversed]));
    it('accepts nothing more once reversed', () => {
      spec.given([recorded, reversed]).when(reverse).thenThrows('contribution-reversed');
      spec.given([recorded, reversed]).when(acknowledge('p2')).thenThrows('contribution-reversed');
    });
  });

  describe('state', () => {
    it('folds the fact, its acknowledgements and its reversal', () => {
      const state = fold(contributionDecider, [towardsC1, acknowledged('p2'), acknowledged('p3')]);
      expect(state).toMatchObject({
        status: 'acknowledged',
        contributorId: 'p1',
        kind: 'volunteer_time',
        quantity: 12,
        unit: 'hours',
        commitmentId: 'c1',
        acknowledgedBy: ['p2', 'p3'],
      });
      const undone = contributionDecider.evolve(state, reversed);
      expect(undone).toMatchObject({ status: 'reversed', reversalReason: 'entered twice' });
    });
  });

  describe('units by kind', () => {
    it.each<[ContributionKind, string, boolean]>([
      ['money', 'EUR', true],
      ['money', 'eur', false],
      ['volunteer_time', 'hours', true],
      ['expertise', 'days', false],
      ['venue', 'hours', true],
      ['in_kind', 'items', true],
      ['in_kind', 'USD', false],
      ['other', 'sessions', true],
      ['other', ' ', false],
    ])('%s in "%s" is %s', (kind, unit, consistent) =>
      expect(isUnitConsistentWithKind(kind, unit)).toBe(consistent),
    );
  });
});
