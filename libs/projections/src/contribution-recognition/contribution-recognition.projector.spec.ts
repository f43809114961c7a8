import type { ContributionEvent } from '@cohesion/domain';
import {
  commitmentEvent,
  contributionEvent,
  type GivenEvent,
  partnershipFoundedWith,
  policyEvent,
  project,
} from '../testing';
import { digestOfTables } from '../runner/digest';
import { contributionRecognitionProjector } from './contribution-recognition.projector';

type Recorded = Extract<ContributionEvent, { type: 'ContributionRecorded' }>['data'];

const recorded = (contributionId = 'club', extra: Partial<Recorded> = {}) =>
  contributionEvent('ContributionRecorded', {
    contributionId,
    partnershipId: 'tilleuls',
    partnerId: 'acme',
    kind: 'volunteer_time',
    quantity: 12,
    unit: 'hours',
    date: '2026-03-07',
    description: 'Homework club',
    ...extra,
  });
const acknowledged = (acknowledgedBy: string, contributionId = 'club') =>
  contributionEvent('ContributionAcknowledged', { contributionId, acknowledgedBy, note: 'Thanks' });
const defined = policyEvent('ValuationPolicyDefined', {
  policyId: 'default',
  name: 'Default',
  currency: 'EUR',
});

const rows = (given: readonly GivenEvent[], sql: string) =>
  project(contributionRecognitionProjector, given).prepare(sql).all();

describe('contribution recognition projector', () => {
  it('records the raw facts of a contribution, never a value (ContributionRecorded)', () => {
    expect(
      rows(
        [recorded('club', { commitmentId: 'tutoring' })],
        'SELECT * FROM contribution_recognition_contributions',
      ),
    ).toEqual([
      {
        contribution_id: 'club',
        position: 1,
        partnership_id: 'tilleuls',
        partner_id: 'acme',
        kind: 'volunteer_time',
        quantity: 12,
        unit: 'hours',
        date: '2026-03-07',
        description: 'Homework club',
        commitment_id: 'tutoring',
        status: 'recorded',
        acknowledgements: 0,
        recorded_at: '2026-01-01T09:01:00.000Z',
        backfill_reason: null,
        reversed_at: null,
        reversal_reason: null,
      },
    ]);
  });

  it('marks a contribution recorded long after it was given as back-filled, with the reason', () => {
    const late = { ...recorded('club'), backfillReason: 'Timesheets found in March' };
    expect(
      rows([late], 'SELECT backfill_reason FROM contribution_recognition_contributions'),
    ).toEqual([{ backfill_reason: 'Timesheets found in March' }]);
  });

  it('counts each acknowledgement once and keeps who gave it (ContributionAcknowledged)', () => {
    const given = [
      recorded(),
      acknowledged('sos'),
      acknowledged('city'),
      acknowledged('sos'),
      acknowledged('sos', 'ghost'),
    ];
    expect(
      rows(given, 'SELECT status, acknowledgements FROM contribution_recognition_contributions'),
    ).toEqual([{ status: 'acknowledged', acknowledgements: 2 }]);
    expect(
      rows(
        given,
        'SELECT contribution_id, acknowledged_by, note FROM contribution_recognition_acknowledgements ORDER BY position',
      ),
    ).toEqual([
      { contribution_id: 'club', acknowledged_by: 'sos', note: 'Thanks' },
      { contribution_id: 'club', acknowledged_by: 'city', note: 'Thanks' },
    ]);
  });

  it('marks a reversed contribution with when and why, keeping the row (ContributionReversed)', () => {
    const given = [
      recorded(),
      acknowledged('sos'),
      contributionEvent('ContributionReversed', {
        contributionId: 'club',
        reason: 'Recorded twice',
      }),
    ];
    expect(
      rows(
        given,
        'SELECT status, acknowledgements, reversed_at, reversal_reason FROM contribution_recognition_contributions',
      ),
    ).toEqual([
      {
        status: 'reversed',
        acknowledgements: 1,
        reversed_at: '2026-01-01T09:03:00.000Z',
        reversal_reason: 'Recorded twice',
      },
    ]);
  });

  it('keeps each valuation policy (ValuationPolicyDefined)', () =>
    expect(
      rows([defined], 'SELECT policy_id, name, currency FROM contribution_recognition_policies'),
    ).toEqual([{ policy_id: 'default', name: 'Default', currency: 'EUR' }]));

  it('keeps every rate version and retirement, never rewriting one (ValuationRateSet, ValuationRateRetired)', () => {
    const rate = {
      policyId: 'default',
      kind: 'volunteer_time' as const,
      unit: 'hours',
      rate: 31.5,
      currency: 'EUR',
      source: 'Study 2025',
    };
    const given = [
      defined,
      policyEvent('ValuationRateSet', { ...rate, version: 1, effectiveFrom: '2026-01-01' }),
      policyEvent('ValuationRateSet', {
        ...rate,
        version: 2,
        effectiveFrom: '2027-01-01',
        rate: 33,
      }),
      policyEvent('ValuationRateRetired', {
        policyId: 'default',
        version: 3,
        kind: 'volunteer_time',
        unit: 'hours',
        effectiveFrom: '2028-01-01',
        reason: 'Study withdrawn',
      }),
    ];
    expect(
      rows(
        given,
        'SELECT version, entry, effective_from, rate, source, reason FROM contribution_recognition_rates ORDER BY version',
      ),
    ).toEqual([
      {
        version: 1,
        entry: 'rate',
        effective_from: '2026-01-01',
        rate: 31.5,
        source: 'Study 2025',
        reason: null,
      },
      {
        version: 2,
        entry: 'rate',
        effective_from: '2027-01-01',
        rate: 33,
        source: 'Study 2025',
        reason: null,
      },
      {
        version: 3,
        entry: 'retirement',
        effective_from: '2028-01-01',
        rate: null,
        source: null,
        reason: 'Study withdrawn',
      },
    ]);
  });

  it('keeps who committed, due when, and whether withdrawn (CommitmentMade, CommitmentAmended, CommitmentWithdrawn)', () => {
    const made = (commitmentId: string) =>
      commitmentEvent('CommitmentMade', {
        commitmentId,
        partnershipId: 'tilleuls',
        partnerId: 'acme',
        beneficiary: { kind: 'group', name: 'Pupils' },
        what: 'Tutoring',
        dueDate: '2026-06-30',
      });
    const given = [
      made('c1'),
      made('c2'),
      commitmentEvent('CommitmentAmended', {
        commitmentId: 'c1',
        amendedBy: 'acme',
        reason: 'Later',
        what: 'Tutoring',
        dueDate: '2026-09-30',
      }),
      commitmentEvent('CommitmentWithdrawn', {
        commitmentId: 'c2',
        withdrawnBy: 'acme',
        reason: 'Cut',
      }),
    ];
    expect(
      rows(given, 'SELECT * FROM contribution_recognition_commitments ORDER BY commitment_id'),
    ).toEqual([
      {
        commitment_id: 'c1',
        partnership_id: 'tilleuls',
        partner_id: 'acme',
        due_date: '2026-09-30',
        withdrawn: 0,
      },
      {
        commitment_id: 'c2',
        partnership_id: 'tilleuls',
        partner_id: 'acme',
        due_date: '2026-06-30',
        withdrawn: 1,
      },
    ]);
  });

  it('keeps the roster of partners (PartnershipFounded, PartnerJoined)', () =>
    expect(
      rows(
        partnershipFoundedWith('tilleuls', ['acme']),
        'SELECT partner_id, responsibilities FROM contribution_recognition_partners',
      ),
    ).toEqual([{ partner_id: 'acme', responsibilities: '["evaluation"]' }]));

  it('ignores event types it does not know', () => {
    const db = project(contributionRecognitionProjector, [
      { stream: 'x-1', event: { type: 'ContributionRecordedV9', data: { contributionId: 'x' } } },
    ]);
    for (const table of contributionRecognitionProjector.tables)
      expect(db.prepare(`SELECT count(*) AS n FROM "${table}"`).get()).toEqual({ n: 0 });
  });

  it('is deterministic: the same events always give the same rows', () => {
    const given = [
      ...partnershipFoundedWith('tilleuls', ['acme', 'sos']),
      defined,
      recorded(),
      acknowledged('sos'),
    ];
    const digest = (events: readonly GivenEvent[]) =>
      digestOfTables(
        project(contributionRecognitionProjector, events),
        contributionRecognitionProjector.tables,
      );
    expect(digest(given)).toBe(digest(given));
    expect(digest(given)).not.toBe(digest(given.slice(0, -1)));
  });
});
