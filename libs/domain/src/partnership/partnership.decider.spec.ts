import type { CommandMetadata } from '../decider';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { PartnershipCommand } from './partnership.commands';
import { partnershipDecider } from './partnership.decider';
import type { PartnershipEvent } from './partnership.events';

const metadata: CommandMetadata = {
  actor: { sub: 'admin-1', roles: ['admin'] },
  now: '2026-11-27T10:00:00.000Z',
};
const partnershipId = 'youth-2026';
const spec = deciderSpecification(partnershipDecider);

const command = commandsOf<PartnershipCommand>(metadata);
const event = eventsOf<PartnershipEvent>();

const founded = event('PartnershipFounded', {
  partnershipId,
  name: 'Youth empowerment',
  purpose: 'Reduce school dropout',
  territory: 'Northside',
  neighbourhoods: ['Les Tilleuls'],
});
const joined = (partnerId: string) =>
  event('PartnerJoined', {
    partnershipId,
    partnerId,
    name: partnerId,
    kind: 'ngo',
    role: 'mentor',
    responsibilities: ['tutoring'],
  });
const objectiveSet = event('ObjectiveSet', {
  partnershipId,
  objectiveId: 'o1',
  title: 'Halve dropout',
  description: 'by 2028',
});
const suspended = event('PartnershipSuspended', { partnershipId, reason: 'audit' });
const closed = event('PartnershipClosed', { partnershipId, reason: 'done' });

const join = (partnerId: string) => command('JoinPartner', joined(partnerId).data);
const meeting = (heldOn: string, attendees: string[]) =>
  command('RecordMeeting', {
    partnershipId,
    meetingId: 'm1',
    heldOn,
    attendees,
    decisions: ['start in May'],
  });

describe('Partnership decider', () => {
  describe('founding', () => {
    it('founds a new partnership', () =>
      spec.given([]).when(command('FoundPartnership', founded.data)).then([founded]));
    it('refuses to found it twice', () =>
      spec
        .given([founded])
        .when(command('FoundPartnership', founded.data))
        .thenThrows('partnership-already-founded'));
    it('refuses any other command on a partnership never founded', () =>
      spec.given([]).when(join('p1')).thenThrows('not-found'));
  });

  describe('membership', () => {
    it('lets a partner join with a kind, a role and responsibilities', () =>
      spec
        .given([founded])
        .when(join('p1'))
        .then([joined('p1')]));
    it('refuses a partner who is already a member', () =>
      spec
        .given([founded, joined('p1')])
        .when(join('p1'))
        .thenThrows('partner-already-member'));
    it('lets a member leave, and rejoin later', () => {
      const left: PartnershipEvent = {
        type: 'PartnerLeft',
        data: { partnershipId, partnerId: 'p1', reason: 'moved' },
      };
      spec
        .given([founded, joined('p1')])
        .when(command('LeavePartnership', left.data))
        .then([left]);
      spec
        .given([founded, joined('p1'), left])
        .when(join('p1'))
        .then([joined('p1')]);
    });
    it('refuses the departure of a partner who is not a member', () =>
      spec
        .given([founded])
        .when(command('LeavePartnership', { partnershipId, partnerId: 'p9', reason: 'x' }))
        .thenThrows('partner-not-member'));
    it("changes a member's role and responsibilities", () => {
      const data = {
        partnershipId,
        partnerId: 'p1',
        role: 'lead',
        responsibilities: ['coordination'],
      };
      spec
        .given([founded, joined('p1')])
        .when(command('ChangePartnerRole', data))
        .then([{ type: 'PartnerRoleChanged', data }]);
    });
    it("refuses to change a non-member's role", () =>
      spec
        .given([founded])
        .when(
          command('ChangePartnerRole', {
            partnershipId,
            partnerId: 'p1',
            role: 'lead',
            responsibilities: [],
          }),
        )
        .thenThrows('partner-not-member'));
  });

  describe('objectives', () => {
    it('sets an objective', () =>
      spec.given([founded]).when(command('SetObjective', objectiveSet.data)).then([objectiveSet]));
    it('refuses an objective id used before', () =>
      spec
        .given([founded, objectiveSet])
        .when(command('SetObjective', objectiveSet.data))
        .thenThrows('objective-already-set'));
    it('revises, achieves or retires an open objective', () => {
      const revised = {
        partnershipId,
        objectiveId: 'o1',
        title: 'Cut dropout by a third',
        description: 'by 2028',
        reason: 'realism',
      };
      spec
        .given([founded, objectiveSet])
        .when(command('ReviseObjective', revised))
        .then([{ type: 'ObjectiveRevised', data: revised }]);
      const achieved = { partnershipId, objectiveId: 'o1', evidence: 'report 2028' };
      spec
        .given([founded, objectiveSet])
        .when(command('AchieveObjective', achieved))
        .then([{ type: 'ObjectiveAchieved', data: achieved }]);
      const retired = { partnershipId, objectiveId: 'o1', reason: 'merged' };
      spec
        .given([founded, objectiveSet])
        .when(command('RetireObjective', retired))
        .then([{ type: 'ObjectiveRetired', data: retired }]);
    });
    it('refuses to touch an unknown objective', () =>
      spec
        .given([founded])
        .when(command('AchieveObjective', { partnershipId, objectiveId: 'o9', evidence: '' }))
        .thenThrows('objective-unknown'));
    it('refuses to revise an objective already achieved', () =>
      spec
        .given([
          founded,
          objectiveSet,
          { type: 'ObjectiveAchieved', data: { partnershipId, objectiveId: 'o1', evidence: 'e' } },
        ])
        .when(
          command('ReviseObjective', {
            partnershipId,
            objectiveId: 'o1',
            title: 't',
            description: 'd',
            reason: 'r',
          }),
        )
        .thenThrows('objective-not-open'));
  });

  describe('meetings', () => {
    it('records a meeting held by members, with its decisions', () => {
      const recorded = meeting('2026-11-20', ['p1', 'p2']);
      spec
        .given([founded, joined('p1'), joined('p2')])
        .when(recorded)
        .then([{ type: 'MeetingHeld', data: recorded.data }]);
    });
    it('refuses attendees who are not members', () =>
      spec
        .given([founded, joined('p1')])
        .when(meeting('2026-11-20', ['p1', 'p7']))
        .thenThrows('meeting-attendee-not-member'));
    it('refuses a meeting dated after today (by the command clock)', () =>
      spec
        .given([founded, joined('p1')])
        .when(meeting('2026-11-28', ['p1']))
        .thenThrows('meeting-in-the-future'));
    it('refuses recording the same meeting twice', () => {
      const held: PartnershipEvent = {
        type: 'MeetingHeld',
        data: meeting('2026-11-20', ['p1']).data,
      };
      spec
        .given([founded, joined('p1'), held])
        .when(meeting('2026-11-21', ['p1']))
        .thenThrows('meeting-already-recorded');
    });
  });

  describe('lifecycle', () => {
    it('suspends, reactivates and closes', () => {
      spec
        .given([founded, joined('p1')])
        .when(command('SuspendPartnership', suspended.data))
        .then([suspended]);
      spec
        .given([founded, suspended])
        .when(command('ReactivatePartnership', { partnershipId }))
        .then([{ type: 'PartnershipReactivated', data: { partnershipId } }]);
      spec
        .given([founded, suspended])
        .when(command('ClosePartnership', closed.data))
        .then([closed]);
    });
    it('refuses new members, objectives and meetings while suspended', () => {
      spec.given([founded, suspended]).when(join('p1')).thenThrows('partnership-suspended');
      spec
        .given([founded, suspended])
        .when(command('SetObjective', objectiveSet.data))
        .thenThrows('partnership-suspended');
      spec
        .given([founded, joined('p1'), suspended])
        .when(meeting('2026-11-20', ['p1']))
        .thenThrows('partnership-suspended');
      spec
        .given([founded, suspended])
        .when(command('SuspendPartnership', suspended.data))
        .thenThrows('partnership-suspended');
    });
    it('refuses to reactivate a partnership that is not suspended', () =>
      spec
        .given([founded])
        .when(command('ReactivatePartnership', { partnershipId }))
        .thenThrows('partnership-not-suspended'));
    it('accepts nothing new once closed', () => {
      for (const next of [
        join('p1'),
        command('SetObjective', objectiveSet.data),
        command('ReactivatePartnership', { partnershipId }),
        command('ClosePartnership', closed.data),
      ]) {
        spec.given([founded, closed]).when(next).thenThrows('partnership-closed');
      }
    });
  });

  describe('default valuation policy', () => {
    const defaultSet = event('DefaultValuationPolicySet', { partnershipId, policyId: 'city-2026' });
    const setDefault = (policyDefined: boolean) => ({
      ...command('SetDefaultValuationPolicy', defaultSet.data),
      policyDefined,
    });
    it('sets the policy its reports value with, when that policy is defined', () =>
      spec
        .given([founded, joined('p1')])
        .when(setDefault(true))
        .then([defaultSet]));
    it('refuses a policy that is not defined', () =>
      spec
        .given([founded, joined('p1')])
        .when(setDefault(false))
        .thenThrows('valuation-policy-not-defined'));
    it('refuses once the partnership is closed', () =>
      spec.given([founded, closed]).when(setDefault(true)).thenThrows('partnership-closed'));
    it('keeps the last policy set in the state', () => {
      const later = event('DefaultValuationPolicySet', { partnershipId, policyId: 'city-2027' });
      const state = [founded, defaultSet, later].reduce(
        partnershipDecider.evolve,
        partnershipDecider.initialState(),
      );
      expect(state.defaultValuationPolicyId).toBe('city-2027');
    });
  });

  describe('retention of feedback contact details', () => {
    const retention = (months: number | null) =>
      command('SetFeedbackContactRetention', { partnershipId, months });
    const retentionSet = (months: number | null) =>
      event('FeedbackContactRetentionSet', { partnershipId, months });
    it.each([1, 12, 120])('sets %i months', (months) =>
      spec
        .given([founded])
        .when(retention(months))
        .then([retentionSet(months)]),
    );
    it('removes the retention with none (null): contacts are kept until an erasure', () =>
      spec
        .given([founded, retentionSet(12)])
        .when(retention(null))
        .then([retentionSet(null)]));
    it.each([0, -1, 121, 1.5, Number.NaN])('refuses %p months', (months) =>
      spec.given([founded]).when(retention(months)).thenThrows('retention-out-of-range'),
    );
    it('refuses once the partnership is closed', () =>
      spec.given([founded, closed]).when(retention(12)).thenThrows('partnership-closed'));
    it('keeps the last retention in the state, none after a removal', () => {
      const fold = (events: readonly PartnershipEvent[]) =>
        events.reduce(partnershipDecider.evolve, partnershipDecider.initialState());
      expect(
        fold([founded, retentionSet(24), retentionSet(6)]).feedbackContactRetentionMonths,
      ).toBe(6);
      expect(fold([founded, retentionSet(24), retentionSet(null)])).not.toHaveProperty(
        'feedbackContactRetentionMonths',
      );
    });
  });

  describe('state', () => {
    it('folds members, objectives and status from the events', () => {
      let state = partnershipDecider.initialState();
      for (const event of [founded, joined('p1'), joined('p2'), objectiveSet])
        state = partnershipDecider.evolve(state, event);
      expect(state.status).toBe('active');
      expect(Object.keys(state.members)).toEqual(['p1', 'p2']);
      expect(state.objectives.o1).toMatchObject({ status: 'open', title: 'Halve dropout' });
    });
  });
});
