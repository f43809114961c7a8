import type { DomainEvent, PartnershipEvent } from '@cohesion/domain';
import { type GivenEvent, project } from '../testing';
import { partnershipOverviewProjector } from './partnership-overview.projector';
import {
  findPartnershipOverview,
  listMeetings,
  listPartnerships,
  partnershipExists,
} from './partnership-overview.queries';

const on = (event: PartnershipEvent, partnershipId = 'north'): GivenEvent => ({
  stream: `partnership-${partnershipId}`,
  event,
});

const founded = (partnershipId = 'north', territory = 'Northside') =>
  on(
    {
      type: 'PartnershipFounded',
      data: {
        partnershipId,
        name: `Partnership ${partnershipId}`,
        purpose: 'Cohesion',
        territory,
        neighbourhoods: ['Les Tilleuls'],
      },
    },
    partnershipId,
  );

const joined = (partnerId: string, role = 'member', partnershipId = 'north') =>
  on(
    {
      type: 'PartnerJoined',
      data: {
        partnershipId,
        partnerId,
        name: `Partner ${partnerId}`,
        kind: 'association',
        role,
        responsibilities: ['evaluation'],
      },
    },
    partnershipId,
  );

const left = (partnerId: string) =>
  on({ type: 'PartnerLeft', data: { partnershipId: 'north', partnerId, reason: 'funding ended' } });

const objective = (objectiveId: string) =>
  on({
    type: 'ObjectiveSet',
    data: { partnershipId: 'north', objectiveId, title: 'Halve dropout', description: 'By 2028' },
  });

const meeting = (meetingId: string, heldOn: string, decisions: string[] = []) =>
  on({
    type: 'MeetingHeld',
    data: { partnershipId: 'north', meetingId, heldOn, attendees: ['city', 'sos'], decisions },
  });

const overview = (given: GivenEvent[], partnershipId = 'north') =>
  findPartnershipOverview(project(partnershipOverviewProjector, given), partnershipId);

describe('partnership overview projector', () => {
  it('PartnershipFounded: a founded partnership with nothing counted yet', () => {
    expect(overview([founded()])).toEqual({
      partnershipId: 'north',
      name: 'Partnership north',
      purpose: 'Cohesion',
      territory: 'Northside',
      neighbourhoods: ['Les Tilleuls'],
      status: 'founded',
      statusReason: null,
      defaultValuationPolicyId: null,
      foundedAt: '2026-01-01T09:01:00.000Z',
      foundedOn: '2026-01-01',
      backfilled: false,
      backfillReason: null,
      updatedAt: '2026-01-01T09:01:00.000Z',
      revision: '0',
      lastMeetingOn: null,
      counts: {
        members: 0,
        formerMembers: 0,
        objectives: { open: 0, achieved: 0, retired: 0 },
        meetings: 0,
        decisions: 0,
        commitments: 0,
        contributions: 0,
        agreements: 0,
        conflicts: 0,
      },
      partners: [],
      formerPartners: [],
      objectives: [],
    });
  });

  it('PartnerJoined: a member with kind, role and responsibilities; the partnership becomes active', () => {
    const view = overview([founded(), joined('city', 'lead')]);
    expect(view).toMatchObject({ status: 'active', revision: '1', counts: { members: 1 } });
    expect(view?.partners).toEqual([
      {
        partnerId: 'city',
        name: 'Partner city',
        kind: 'association',
        role: 'lead',
        responsibilities: ['evaluation'],
        status: 'member',
        joinedAt: '2026-01-01T09:02:00.000Z',
        joinedOn: '2026-01-01',
        backfilled: false,
        backfillReason: null,
        roleChangedAt: null,
        leftAt: null,
        leftReason: null,
      },
    ]);
  });

  it('PartnerLeft: listed among the former partners, with when and why', () => {
    const view = overview([founded(), joined('city'), joined('sos'), left('city')]);
    expect(view?.partners.map((partner) => partner.partnerId)).toEqual(['sos']);
    expect(view?.formerPartners).toMatchObject([
      {
        partnerId: 'city',
        status: 'left',
        leftAt: '2026-01-01T09:04:00.000Z',
        leftReason: 'funding ended',
      },
    ]);
    expect(view?.counts).toMatchObject({ members: 1, formerMembers: 1 });
  });

  it('PartnerJoined again after leaving: a member again, no longer counted as former', () => {
    const view = overview([founded(), joined('city'), left('city'), joined('city', 'observer')]);
    expect(view?.partners).toMatchObject([{ partnerId: 'city', role: 'observer', leftAt: null }]);
    expect(view?.counts).toMatchObject({ members: 1, formerMembers: 0 });
  });

  it('PartnerRoleChanged: the current role and responsibilities', () => {
    const view = overview([
      founded(),
      joined('city'),
      on({
        type: 'PartnerRoleChanged',
        data: {
          partnershipId: 'north',
          partnerId: 'city',
          role: 'lead',
          responsibilities: ['coordination', 'funding'],
        },
      }),
    ]);
    expect(view?.partners).toMatchObject([
      {
        role: 'lead',
        responsibilities: ['coordination', 'funding'],
        roleChangedAt: '2026-01-01T09:03:00.000Z',
      },
    ]);
  });

  it('ObjectiveSet and ObjectiveRevised: open, with its current wording and how often it was revised', () => {
    const view = overview([
      founded(),
      objective('dropout'),
      on({
        type: 'ObjectiveRevised',
        data: {
          partnershipId: 'north',
          objectiveId: 'dropout',
          title: 'Cut dropout by a third',
          description: 'By 2029',
          targetDate: '2029-06-30',
          reason: 'More realistic',
        },
      }),
    ]);
    expect(view?.objectives).toEqual([
      {
        objectiveId: 'dropout',
        title: 'Cut dropout by a third',
        description: 'By 2029',
        targetDate: '2029-06-30',
        status: 'open',
        setAt: '2026-01-01T09:02:00.000Z',
        setOn: '2026-01-01',
        backfilled: false,
        backfillReason: null,
        revisions: 1,
        revisedAt: '2026-01-01T09:03:00.000Z',
        revisionReason: 'More realistic',
        closedAt: null,
        evidence: null,
        retirementReason: null,
      },
    ]);
    expect(view?.counts.objectives).toEqual({ open: 1, achieved: 0, retired: 0 });
  });

  it('ObjectiveAchieved and ObjectiveRetired: closed, with evidence or reason, and counted by status', () => {
    const view = overview([
      founded(),
      objective('a'),
      objective('b'),
      objective('c'),
      on({
        type: 'ObjectiveAchieved',
        data: { partnershipId: 'north', objectiveId: 'a', evidence: 'Annual report' },
      }),
      on({
        type: 'ObjectiveRetired',
        data: { partnershipId: 'north', objectiveId: 'b', reason: 'Out of scope' },
      }),
    ]);
    expect(
      view?.objectives.map(({ objectiveId, status, evidence, retirementReason }) => [
        objectiveId,
        status,
        evidence,
        retirementReason,
      ]),
    ).toEqual([
      ['a', 'achieved', 'Annual report', null],
      ['b', 'retired', null, 'Out of scope'],
      ['c', 'open', null, null],
    ]);
    expect(view?.counts.objectives).toEqual({ open: 1, achieved: 1, retired: 1 });
  });

  it('MeetingHeld: counted with its decisions, and the day of the last one', () => {
    const db = project(partnershipOverviewProjector, [
      founded(),
      meeting('m2', '2026-03-10', ['Open the hall on Wednesdays']),
      meeting('m1', '2026-02-01', ['Hire a mediator', 'Meet monthly']),
    ]);
    expect(findPartnershipOverview(db, 'north')).toMatchObject({
      lastMeetingOn: '2026-03-10',
      counts: { meetings: 2, decisions: 3 },
    });
    expect(listMeetings(db, { partnershipId: 'north', limit: 10 })).toEqual([
      {
        partnershipId: 'north',
        meetingId: 'm1',
        heldOn: '2026-02-01',
        attendees: ['city', 'sos'],
        decisions: ['Hire a mediator', 'Meet monthly'],
        notes: null,
        recordedAt: '2026-01-01T09:03:00.000Z',
        backfilled: false,
        backfillReason: null,
      },
      expect.objectContaining({ meetingId: 'm2', decisions: ['Open the hall on Wednesdays'] }),
    ]);
  });

  it('PartnershipSuspended, PartnershipReactivated and PartnershipClosed: the status and why', () => {
    const suspended = on({
      type: 'PartnershipSuspended',
      data: { partnershipId: 'north', reason: 'Audit' },
    });
    const reactivated = on({ type: 'PartnershipReactivated', data: { partnershipId: 'north' } });
    const closed = on({
      type: 'PartnershipClosed',
      data: { partnershipId: 'north', reason: 'Done' },
    });
    expect(overview([founded(), joined('city'), suspended])).toMatchObject({
      status: 'suspended',
      statusReason: 'Audit',
      revision: '2',
    });
    expect(overview([founded(), joined('city'), suspended, reactivated])).toMatchObject({
      status: 'active',
      statusReason: null,
    });
    expect(overview([founded(), joined('city'), closed])).toMatchObject({
      status: 'closed',
      statusReason: 'Done',
      updatedAt: '2026-01-01T09:03:00.000Z',
    });
  });

  it('DefaultValuationPolicySet: the policy its reports use when they name none, the last set', () => {
    const set = (policyId: string) =>
      on({ type: 'DefaultValuationPolicySet', data: { partnershipId: 'north', policyId } });
    expect(overview([founded(), set('city-2026')])).toMatchObject({
      defaultValuationPolicyId: 'city-2026',
    });
    expect(overview([founded(), set('city-2026'), set('city-2027')])).toMatchObject({
      defaultValuationPolicyId: 'city-2027',
    });
  });

  it('FeedbackContactRetentionSet: not listed, but the partnership changed (revision, time)', () => {
    const view = overview([
      founded(),
      on({ type: 'FeedbackContactRetentionSet', data: { partnershipId: 'north', months: 12 } }),
    ]);
    expect(view).toMatchObject({ revision: '1', updatedAt: '2026-01-01T09:02:00.000Z' });
  });

  it('CommitmentMade, ContributionRecorded, AgreementProposed, ConflictRaised: counted per partnership', () => {
    const elsewhere = (stream: string, event: DomainEvent): GivenEvent => ({ stream, event });
    const view = overview([
      founded(),
      founded('south'),
      elsewhere('commitment-c1', {
        type: 'CommitmentMade',
        data: {
          commitmentId: 'c1',
          partnershipId: 'north',
          partnerId: 'city',
          what: 'Tutoring',
          dueDate: '2026-12-31',
          beneficiary: { kind: 'group', name: 'Pupils' },
        },
      }),
      elsewhere('commitment-c2', {
        type: 'CommitmentMade',
        data: {
          commitmentId: 'c2',
          partnershipId: 'south',
          partnerId: 'city',
          what: 'Tutoring',
          dueDate: '2026-12-31',
          beneficiary: { kind: 'group', name: 'Pupils' },
        },
      }),
      elsewhere('contribution-k1', {
        type: 'ContributionRecorded',
        data: {
          contributionId: 'k1',
          partnershipId: 'north',
          partnerId: 'city',
          kind: 'money',
          quantity: 500,
          unit: 'EUR',
          date: '2026-01-01',
          description: 'Grant',
        },
      }),
      elsewhere('agreement-a1', {
        type: 'AgreementProposed',
        data: {
          agreementId: 'a1',
          partnershipId: 'north',
          title: 'Hall',
          parties: ['city'],
          version: 1,
          clauses: [{ clauseId: 'c1', text: 'The city lends the hall.' }],
          termsHash: 'abc',
        },
      }),
      elsewhere('conflict-x1', {
        type: 'ConflictRaised',
        data: {
          conflictId: 'x1',
          partnershipId: 'north',
          raisedBy: 'city',
          parties: ['sos'],
          subject: { kind: 'free', description: 'Keys' },
          summary: 'Keys not returned',
        },
      }),
    ]);
    expect(view?.counts).toMatchObject({
      commitments: 1,
      contributions: 1,
      agreements: 1,
      conflicts: 1,
    });
    // Counting other aggregates' facts does not change the partnership's own revision.
    expect(view?.revision).toBe('0');
  });

  it('listPartnerships: by id, filtered by status and territory, after a cursor', () => {
    const db = project(partnershipOverviewProjector, [
      founded('c'),
      founded('a', 'Southside'),
      founded('b'),
      joined('x', 'member', 'b'),
    ]);
    const ids = (filters: Parameters<typeof listPartnerships>[1]) =>
      listPartnerships(db, filters).map((view) => view.partnershipId);
    expect(ids({ limit: 10 })).toEqual(['a', 'b', 'c']);
    expect(ids({ territory: 'Northside', limit: 10 })).toEqual(['b', 'c']);
    // A part of the territory's name, whatever its case and accents.
    expect(ids({ territory: ' north ', limit: 10 })).toEqual(['b', 'c']);
    expect(ids({ territory: 'SOUTH', limit: 10 })).toEqual(['a']);
    expect(ids({ status: 'founded', limit: 10 })).toEqual(['a', 'c']);
    expect(ids({ status: 'active', territory: 'Northside', limit: 10 })).toEqual(['b']);
    // `limit + 1` rows: the extra one tells that a next page exists.
    expect(ids({ after: 'a', limit: 1 })).toEqual(['b', 'c']);
    expect(ids({ after: 'b', limit: 1 })).toEqual(['c']);
  });

  it('findPartnershipOverview and partnershipExists: nothing for a partnership never founded', () => {
    const db = project(partnershipOverviewProjector, [founded()]);
    expect(findPartnershipOverview(db, 'nowhere')).toBeUndefined();
    expect(partnershipExists(db, 'nowhere')).toBe(false);
    expect(partnershipExists(db, 'north')).toBe(true);
  });

  it('listMeetings: by day held, between two days, after a cursor', () => {
    const db = project(partnershipOverviewProjector, [
      founded(),
      founded('south'),
      meeting('m3', '2026-03-01'),
      meeting('m1', '2026-01-15'),
      meeting('m2b', '2026-02-01'),
      meeting('m2a', '2026-02-01'),
    ]);
    const ids = (filters: Partial<Parameters<typeof listMeetings>[1]>) =>
      listMeetings(db, { partnershipId: 'north', limit: 10, ...filters }).map((m) => m.meetingId);
    expect(ids({})).toEqual(['m1', 'm2a', 'm2b', 'm3']);
    expect(ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['m2a', 'm2b']);
    expect(ids({ after: ['2026-02-01', 'm2a'], limit: 2 })).toEqual(['m2b', 'm3']);
    expect(ids({ partnershipId: 'south' })).toEqual([]);
  });

  it('ignores event types it does not know', () => {
    const db = project(partnershipOverviewProjector, [
      founded(),
      {
        stream: 'partnership-north',
        event: { type: 'SomethingNew', data: { partnershipId: 'north' } },
      },
      {
        stream: 'commitment-c1',
        event: { type: 'CommitmentAccepted', data: { commitmentId: 'c1' } },
      },
    ]);
    expect(findPartnershipOverview(db, 'north')).toMatchObject({
      revision: '0',
      counts: { commitments: 0 },
    });
  });
});
