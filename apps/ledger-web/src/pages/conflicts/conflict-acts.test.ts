import { describe, expect, it } from 'vitest';
import type { components } from '../../api/schema';
import { conflictActsOf } from './conflict-acts';

type Conflict = components['schemas']['ConflictCaseDocument'];

const raised: Conflict = {
  conflictId: 'p--hall',
  partnershipId: 'p',
  status: 'raised',
  raisedBy: 'assoc',
  parties: ['city'],
  subject: { kind: 'free', description: 'Hall' },
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
  open: true,
  raisedAt: '2026-12-01T10:00:00Z',
  resolvedAt: null,
  closedAt: null,
  timeToResolutionMs: null,
  updatedAt: '2026-12-01T10:00:00Z',
  revision: 0,
};
const assoc = { personId: 'ana', partnerId: 'assoc', roles: ['partner'] };
const city = { personId: 'leo', partnerId: 'city', roles: ['partner'] };
const claire = { personId: 'claire', partnerId: null, roles: ['mediator'] };
const granted = (acts: object) =>
  Object.entries(acts)
    .filter(([, may]) => may === true)
    .map(([act]) => act);

describe('what a person may do with a conflict', () => {
  it('lets only a party it is raised against acknowledge it; the raiser may withdraw', () => {
    expect(granted(conflictActsOf(raised, city))).toEqual(['acknowledge', 'escalate']);
    expect(granted(conflictActsOf(raised, assoc))).toEqual(['escalate', 'withdraw']);
    expect(granted(conflictActsOf(raised, claire))).toEqual([]);
  });

  it('asks each party that has not answered about the proposed mediator', () => {
    const proposed: Conflict = {
      ...raised,
      status: 'mediator_proposed',
      pendingMediator: { mediatorId: 'claire', acceptedBy: ['assoc'] },
    };
    expect(conflictActsOf(proposed, city).answerMediator).toBe(true);
    expect(conflictActsOf(proposed, assoc).answerMediator).toBe(false);
  });

  it('lets the accepted mediator record sessions and propose, but not make statements', () => {
    const mediating: Conflict = { ...raised, status: 'in_mediation', mediatorId: 'claire' };
    expect(granted(conflictActsOf(mediating, claire))).toEqual([
      'recordSession',
      'proposeResolution',
    ]);
    expect(conflictActsOf(mediating, city).recordStatement).toBe(true);
    expect(conflictActsOf(mediating, city).recordSession).toBe(false);
  });

  it('asks the parties that have not accepted about the resolution on the table', () => {
    const onTheTable: Conflict = {
      ...raised,
      status: 'in_mediation',
      mediatorId: 'claire',
      pendingResolution: {
        proposalId: 'p1',
        proposedBy: 'claire',
        amendsAgreementId: null,
        acceptedBy: ['city'],
      },
    };
    expect(conflictActsOf(onTheTable, assoc).answerResolution).toBe(true);
    expect(conflictActsOf(onTheTable, city).answerResolution).toBe(false);
    expect(conflictActsOf(onTheTable, claire).answerResolution).toBe(false);
  });

  it('offers only the follow-up review once resolved', () => {
    const resolved: Conflict = { ...raised, status: 'resolved', open: false, mediatorId: 'claire' };
    expect(granted(conflictActsOf(resolved, assoc))).toEqual(['scheduleFollowUp']);
    expect(granted(conflictActsOf(resolved, claire))).toEqual([]);
  });
});
