import { type ConflictEvent, conflictDecider, partiesOf } from '@cohesion/domain';
import { type GivenEvent, project } from '../testing';
import { type CaseState, everyParty, evolveCase } from './conflict-case-state';
import { conflictCasesProjector } from './conflict-cases.projector';
import { findConflictCase, listConflictCases } from './conflict-cases.queries';
import { conflictCaseAt, replayConflictCase } from './conflict-case-timeline.queries';

const subject = { kind: 'free', description: 'Noise after the club' } as const;

const on = (conflictId: string, event: ConflictEvent): GivenEvent => ({
  stream: `conflict-${conflictId}`,
  event,
});
const raised = (
  conflictId: string,
  partnershipId = 'harmony',
  raisedBy = 'assoc',
  parties = ['city'],
) =>
  on(conflictId, {
    type: 'ConflictRaised',
    data: { conflictId, partnershipId, raisedBy, parties, subject, summary: 'The hall was locked' },
  });
const acknowledged = (conflictId: string) =>
  on(conflictId, { type: 'ConflictAcknowledged', data: { conflictId, acknowledgedBy: 'city' } });
const mediatorProposed = (conflictId: string, mediatorId = 'martin') =>
  on(conflictId, { type: 'MediatorProposed', data: { conflictId, mediatorId } });
const mediatorAccepted = (conflictId: string, partyId: string, mediatorId = 'martin') =>
  on(conflictId, { type: 'MediatorAccepted', data: { conflictId, mediatorId, partyId } });
const inMediation = (conflictId: string, mediatorId = 'martin'): GivenEvent[] => [
  raised(conflictId),
  acknowledged(conflictId),
  mediatorProposed(conflictId, mediatorId),
  mediatorAccepted(conflictId, 'assoc', mediatorId),
  mediatorAccepted(conflictId, 'city', mediatorId),
  on(conflictId, { type: 'MediatorAssigned', data: { conflictId, mediatorId } }),
];
const statement = (conflictId: string, n: number) =>
  on(conflictId, {
    type: 'StatementRecorded',
    data: { conflictId, statementId: `s${n}`, partyId: 'assoc', text: `Statement ${n}` },
  });
const proposal = (conflictId: string, proposalId = 'p1') =>
  on(conflictId, {
    type: 'ResolutionProposed',
    data: {
      conflictId,
      proposalId,
      proposedBy: 'martin',
      terms: 'Keys for both',
      amendsAgreementId: 'hall',
    },
  });
const accepted = (conflictId: string, partyId: string, proposalId = 'p1') =>
  on(conflictId, { type: 'ResolutionAccepted', data: { conflictId, proposalId, partyId } });

/** 2026-01-01T09:00Z plus `n` minutes: the times `project` gives the n-th event. */
const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 9, n)).toISOString();

const stateAfter = (given: GivenEvent[]): CaseState | undefined =>
  conflictCaseAt(project(conflictCasesProjector, given), 'x', { revision: given.length })?.state;

describe('conflict cases projector', () => {
  it('opens a case when a conflict is raised: parties, subject, raised at', () => {
    const db = project(conflictCasesProjector, [raised('x')]);
    expect(findConflictCase(db, 'x')).toEqual({
      conflictId: 'x',
      open: true,
      raisedAt: minute(1),
      resolvedAt: null,
      closedAt: null,
      timeToResolutionMs: null,
      updatedAt: minute(1),
      revision: 0,
      seq: 1,
      status: 'raised',
      partnershipId: 'harmony',
      raisedBy: 'assoc',
      parties: ['city'],
      subject,
      summary: 'The hall was locked',
      mediatorId: null,
      pendingMediator: null,
      pendingResolution: null,
      statements: 0,
      sessions: 0,
      proposals: 0,
      mediatorObjections: 0,
      rejectedProposals: 0,
      latestSession: null,
      outcome: null,
      followUpReviewOn: null,
    });
  });

  it('acknowledges a case', () => {
    expect(stateAfter([raised('x'), acknowledged('x')])?.status).toBe('acknowledged');
  });

  it('holds a proposed mediator pending, with the parties who accepted', () => {
    const state = stateAfter([
      raised('x'),
      acknowledged('x'),
      mediatorProposed('x'),
      mediatorAccepted('x', 'assoc'),
    ]);
    expect(state).toMatchObject({
      status: 'mediator_proposed',
      pendingMediator: { mediatorId: 'martin', acceptedBy: ['assoc'] },
      mediatorId: null,
    });
  });

  it('voids a mediator proposal a party objects to', () => {
    const state = stateAfter([
      raised('x'),
      acknowledged('x'),
      mediatorProposed('x', 'dupont'),
      on('x', {
        type: 'MediatorObjected',
        data: { conflictId: 'x', mediatorId: 'dupont', partyId: 'assoc', reason: 'Not impartial' },
      }),
    ]);
    expect(state).toMatchObject({
      status: 'acknowledged',
      pendingMediator: null,
      mediatorObjections: 1,
    });
  });

  it('assigns the mediator every party accepted: the case is in mediation', () => {
    const db = project(conflictCasesProjector, inMediation('x'));
    expect(findConflictCase(db, 'x')).toMatchObject({
      status: 'in_mediation',
      mediatorId: 'martin',
      pendingMediator: null,
    });
    expect(listConflictCases(db, { limit: 5, mediator: 'martin' })).toHaveLength(1);
  });

  it('counts statements, keeping the state the same size however many there are', () => {
    const few = stateAfter([...inMediation('x'), statement('x', 1)]);
    const many = stateAfter([
      ...inMediation('x'),
      ...Array.from({ length: 50 }, (_, n) => statement('x', n)),
    ]);
    expect(few?.statements).toBe(1);
    expect(many?.statements).toBe(50);
    expect(JSON.stringify(many).length).toBe(JSON.stringify(few).length + 1);
  });

  it('counts sessions and keeps the latest one', () => {
    const session = (sessionId: string, heldOn: string, summary: string) =>
      on('x', {
        type: 'MediationSessionHeld',
        data: {
          conflictId: 'x',
          sessionId,
          heldOn,
          attendees: ['assoc', 'city', 'martin'],
          summary,
          recordedBy: 'martin',
        },
      });
    const state = stateAfter([
      ...inMediation('x'),
      session('m1', '2026-01-10', 'Heard both'),
      session('m2', '2026-01-17', 'Keys discussed'),
    ]);
    expect(state).toMatchObject({
      sessions: 2,
      latestSession: { sessionId: 'm2', heldOn: '2026-01-17', summary: 'Keys discussed' },
    });
  });

  it('holds a resolution proposal pending, superseding the previous one', () => {
    const state = stateAfter([
      ...inMediation('x'),
      proposal('x', 'p1'),
      accepted('x', 'assoc', 'p1'),
      proposal('x', 'p2'),
    ]);
    expect(state).toMatchObject({
      proposals: 2,
      pendingResolution: {
        proposalId: 'p2',
        proposedBy: 'martin',
        amendsAgreementId: 'hall',
        acceptedBy: [],
      },
    });
  });

  it('records who accepted the resolution on the table', () => {
    const state = stateAfter([...inMediation('x'), proposal('x'), accepted('x', 'city')]);
    expect(state?.pendingResolution?.acceptedBy).toEqual(['city']);
  });

  it('drops a rejected resolution', () => {
    const state = stateAfter([
      ...inMediation('x'),
      proposal('x'),
      on('x', {
        type: 'ResolutionRejected',
        data: { conflictId: 'x', proposalId: 'p1', partyId: 'city', reason: 'No' },
      }),
    ]);
    expect(state).toMatchObject({ pendingResolution: null, rejectedProposals: 1, proposals: 1 });
  });

  it('resolves a case: resolved at, time to resolution, outcome', () => {
    const db = project(conflictCasesProjector, [
      ...inMediation('x'),
      proposal('x'),
      accepted('x', 'assoc'),
      accepted('x', 'city'),
      on('x', {
        type: 'ConflictResolved',
        data: { conflictId: 'x', proposalId: 'p1', amendsAgreementId: 'hall' },
      }),
    ]);
    expect(findConflictCase(db, 'x')).toMatchObject({
      status: 'resolved',
      open: false,
      resolvedAt: minute(10),
      closedAt: minute(10),
      timeToResolutionMs: 9 * 60_000,
      pendingResolution: null,
      outcome: { kind: 'resolved', proposalId: 'p1', amendsAgreementId: 'hall' },
    });
  });

  it('closes an escalated case, which is not resolved', () => {
    const db = project(conflictCasesProjector, [
      raised('x'),
      on('x', {
        type: 'ConflictEscalated',
        data: { conflictId: 'x', escalatedTo: 'city-ombudsman', reason: 'Stalled' },
      }),
    ]);
    expect(findConflictCase(db, 'x')).toMatchObject({
      status: 'escalated',
      open: false,
      closedAt: minute(2),
      resolvedAt: null,
      timeToResolutionMs: null,
      outcome: { kind: 'escalated', escalatedTo: 'city-ombudsman', reason: 'Stalled' },
    });
  });

  it('closes a withdrawn case', () => {
    const db = project(conflictCasesProjector, [
      raised('x'),
      on('x', {
        type: 'ConflictWithdrawn',
        data: { conflictId: 'x', withdrawnBy: 'assoc', reason: 'Settled' },
      }),
    ]);
    expect(findConflictCase(db, 'x')).toMatchObject({
      status: 'withdrawn',
      open: false,
      closedAt: minute(2),
      outcome: { kind: 'withdrawn', withdrawnBy: 'assoc', reason: 'Settled' },
    });
  });

  it('schedules a follow-up review on a resolved case, which stays resolved when it was', () => {
    const db = project(conflictCasesProjector, [
      ...inMediation('x'),
      proposal('x'),
      accepted('x', 'assoc'),
      accepted('x', 'city'),
      on('x', { type: 'ConflictResolved', data: { conflictId: 'x', proposalId: 'p1' } }),
      on('x', {
        type: 'FollowUpReviewScheduled',
        data: { conflictId: 'x', reviewOn: '2026-06-01' },
      }),
    ]);
    expect(findConflictCase(db, 'x')).toMatchObject({
      status: 'resolved',
      resolvedAt: minute(10),
      updatedAt: minute(11),
      revision: 10,
      followUpReviewOn: '2026-06-01',
    });
  });

  it('ignores events of cases never raised, and events it does not project', () => {
    const db = project(conflictCasesProjector, [
      acknowledged('ghost'),
      {
        stream: 'agreement-a',
        event: {
          type: 'AgreementExpired',
          data: { agreementId: 'a', endsOn: '2026-01-01' },
        },
      },
    ]);
    expect(listConflictCases(db, { limit: 10 })).toEqual([]);
    expect(replayConflictCase(db, { conflictId: 'ghost', limit: 10 })).toEqual([]);
  });

  describe('listing', () => {
    const db = project(conflictCasesProjector, [
      raised('k1', 'harmony', 'assoc', ['city']),
      raised('k2', 'elsewhere', 'city', ['residents']),
      ...inMediation('k3'),
      on('k1', {
        type: 'ConflictWithdrawn',
        data: { conflictId: 'k1', withdrawnBy: 'assoc', reason: 'Settled' },
      }),
      raised('k4', 'harmony', 'residents', ['acme']),
    ]);
    const ids = (filter: Parameters<typeof listConflictCases>[1]) =>
      listConflictCases(db, filter).map((found) => found.conflictId);

    it('lists in the order raised, limit + 1 rows after the cursor', () => {
      expect(ids({ limit: 2 })).toEqual(['k1', 'k2', 'k3']);
      const [, second] = listConflictCases(db, { limit: 2 });
      expect(ids({ limit: 5, after: second.seq })).toEqual(['k3', 'k4']);
    });

    it('filters by partnership, status, party and mediator, alone or together', () => {
      expect(ids({ limit: 9, partnershipId: 'harmony' })).toEqual(['k1', 'k3', 'k4']);
      expect(ids({ limit: 9, status: 'open' })).toEqual(['k2', 'k3', 'k4']);
      expect(ids({ limit: 9, status: 'closed' })).toEqual(['k1']);
      expect(ids({ limit: 9, status: 'in_mediation' })).toEqual(['k3']);
      expect(ids({ limit: 9, party: 'city' })).toEqual(['k1', 'k2', 'k3']);
      expect(ids({ limit: 9, party: 'city', status: 'open', partnershipId: 'harmony' })).toEqual([
        'k3',
      ]);
      expect(ids({ limit: 9, mediator: 'martin' })).toEqual(['k3']);
      expect(ids({ limit: 9, mediator: 'martin', party: 'residents' })).toEqual([]);
      const [first] = listConflictCases(db, { limit: 1, party: 'city' });
      expect(ids({ limit: 9, party: 'city', after: first.seq })).toEqual(['k2', 'k3']);
    });
  });

  describe('replay', () => {
    const given = [...inMediation('x'), statement('x', 1), statement('x', 2), proposal('x')];
    const db = project(conflictCasesProjector, given);

    it('answers every event in order with the case state after it, a page at a time', () => {
      const first = replayConflictCase(db, { conflictId: 'x', limit: 3 });
      expect(first.map((step) => [step.revision, step.type, step.state.status])).toEqual([
        [0, 'ConflictRaised', 'raised'],
        [1, 'ConflictAcknowledged', 'acknowledged'],
        [2, 'MediatorProposed', 'mediator_proposed'],
        [3, 'MediatorAccepted', 'mediator_proposed'],
      ]);
      expect(first[0]).toMatchObject({
        position: 1,
        recordedAt: minute(1),
        actor: { sub: 'tester' },
        data: { conflictId: 'x', raisedBy: 'assoc' },
      });
      const rest = replayConflictCase(db, { conflictId: 'x', after: 2, limit: 10 });
      expect(rest.map((step) => step.revision)).toEqual([3, 4, 5, 6, 7, 8]);
      expect(rest.at(-1)?.state).toMatchObject({ statements: 2, proposals: 1 });
      expect(rest[3].data).toEqual({
        conflictId: 'x',
        statementId: 's1',
        partyId: 'assoc',
        text: 'Statement 1',
      });
    });

    it('stops at a revision', () => {
      const steps = replayConflictCase(db, { conflictId: 'x', upTo: 4, limit: 10 });
      expect(steps.map((step) => step.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    it('gives the case as it stood at a revision or at an instant', () => {
      expect(conflictCaseAt(db, 'x', { revision: 6 })?.state.statements).toBe(1);
      expect(conflictCaseAt(db, 'x', { revision: 99 })?.revision).toBe(8);
      expect(conflictCaseAt(db, 'x', { at: minute(3) })).toMatchObject({
        revision: 2,
        state: { status: 'mediator_proposed' },
      });
      expect(conflictCaseAt(db, 'x', { at: '2026-01-01T09:02:30.000Z' })?.revision).toBe(1);
      expect(conflictCaseAt(db, 'x', { at: minute(0) })).toBeUndefined();
      expect(conflictCaseAt(db, 'nope', { revision: 0 })).toBeUndefined();
    });
  });

  it("agrees with the conflict decider's own evolve after every event", () => {
    const history = [
      ...inMediation('x'),
      statement('x', 1),
      proposal('x', 'p1'),
      accepted('x', 'city', 'p1'),
      on('x', {
        type: 'ResolutionRejected',
        data: { conflictId: 'x', proposalId: 'p1', partyId: 'assoc', reason: 'No' },
      }),
      proposal('x', 'p2'),
      accepted('x', 'assoc', 'p2'),
      accepted('x', 'city', 'p2'),
      on('x', { type: 'ConflictResolved', data: { conflictId: 'x', proposalId: 'p2' } }),
    ].map(({ event }) => event as ConflictEvent);
    let domain = conflictDecider.initialState();
    let compact: CaseState | undefined;
    for (const event of history) {
      domain = conflictDecider.evolve(domain, event);
      compact = evolveCase(compact, event);
      expect({
        status: compact?.status,
        parties: compact && everyParty(compact),
        mediatorId: compact?.mediatorId ?? undefined,
        pendingMediator: compact?.pendingMediator?.acceptedBy,
        pendingResolution:
          compact?.status === 'resolved' ? undefined : compact?.pendingResolution?.acceptedBy,
        statements: compact?.statements,
        proposals: compact?.proposals,
      }).toEqual({
        status: domain.status,
        parties: partiesOf(domain),
        mediatorId: domain.mediatorId,
        pendingMediator: domain.proposedMediator?.acceptedBy,
        pendingResolution:
          domain.status === 'resolved' ? undefined : domain.currentProposal?.acceptedBy,
        statements: domain.statementIds.length,
        proposals: domain.proposalIds.length,
      });
    }
  });

  it('projects and replays a case of 10,000 statements quickly (timings in the output)', () => {
    const statements = Array.from({ length: 10_000 }, (_, n) => statement('big', n));
    const given = [...inMediation('big'), ...statements];
    let started = performance.now();
    const db = project(conflictCasesProjector, given);
    const projectedMs = performance.now() - started;
    started = performance.now();
    const revisions: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = replayConflictCase(db, { conflictId: 'big', after, limit: 500 });
      const steps = page.slice(0, 500);
      revisions.push(...steps.map((step) => step.revision));
      if (page.length <= 500) break;
      after = steps[steps.length - 1].revision;
    }
    const replayedMs = performance.now() - started;
    console.log(
      `conflict-cases spec: projected ${given.length} events in ${projectedMs.toFixed(0)} ms, ` +
        `replayed them in pages of 500 in ${replayedMs.toFixed(0)} ms`,
    );
    expect(revisions).toEqual(given.map((_, revision) => revision));
    expect(conflictCaseAt(db, 'big', { revision: 5_005 })?.state.statements).toBe(5_000);
  });
});
