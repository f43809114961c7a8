import type { CommitmentEvent } from '@cohesion/domain';
import { commitmentEvent, type GivenEvent, partnershipFoundedWith, project } from '../testing';
import { digestOfTables } from '../runner/digest';
import { accountabilityProjector } from './accountability.projector';

type Data<T extends CommitmentEvent['type']> = Extract<CommitmentEvent, { type: T }>['data'];

const founded = partnershipFoundedWith('tilleuls', ['acme', 'sos', 'city']);
const made = (commitmentId = 'tutoring', extra: Partial<Data<'CommitmentMade'>> = {}) =>
  commitmentEvent('CommitmentMade', {
    commitmentId,
    partnershipId: 'tilleuls',
    partnerId: 'acme',
    objectiveId: 'dropout',
    beneficiary: { kind: 'group', name: 'Pupils of Les Tilleuls' },
    what: 'Forty hours of tutoring',
    dueDate: '2026-06-30',
    quantity: 40,
    unit: 'hours',
    kind: 'volunteer_time',
    ...extra,
  });
const accepted = (commitmentId = 'tutoring') =>
  commitmentEvent('CommitmentAccepted', { commitmentId, acceptedBy: 'sos' });
const claimed = (claimId: string, quantity?: number) =>
  commitmentEvent('FulfilmentClaimed', {
    commitmentId: 'tutoring',
    claimId,
    claimedBy: 'acme',
    evidence: `Attendance sheets ${claimId}`,
    ...(quantity === undefined ? {} : { quantity, unit: 'hours' }),
    complete: false,
  });
const confirmed = (claimId: string, quantity: number, at?: string) =>
  commitmentEvent(
    'FulfilmentConfirmed',
    { commitmentId: 'tutoring', claimId, confirmedBy: 'city', quantity, unit: 'hours' },
    at,
  );
const fulfilled = (claimId: string, at?: string) =>
  commitmentEvent(
    'CommitmentFulfilled',
    { commitmentId: 'tutoring', claimId, deliveredQuantity: 40, unit: 'hours' },
    at,
  );

const rows = (given: readonly GivenEvent[], sql: string) =>
  project(accountabilityProjector, given).prepare(sql).all();
const commitment = (given: readonly GivenEvent[], columns: string) =>
  rows(given, `SELECT ${columns} FROM accountability_commitments ORDER BY made_position`);
const history = (given: readonly GivenEvent[]) =>
  rows(
    given,
    `SELECT status_from, status_to, changed_by, actor, reason FROM accountability_status_history
     ORDER BY position`,
  ) as { status_to: string }[];

describe('accountability projector', () => {
  it('records a commitment as made, with its terms as version 1 (CommitmentMade)', () => {
    const given = [...founded, made()];
    expect(commitment(given, '*')).toEqual([
      {
        commitment_id: 'tutoring',
        made_position: 5,
        partnership_id: 'tilleuls',
        partner_id: 'acme',
        objective_id: 'dropout',
        beneficiary_partner_id: null,
        beneficiary_group: 'Pupils of Les Tilleuls',
        kind: 'volunteer_time',
        what: 'Forty hours of tutoring',
        due_date: '2026-06-30',
        quantity: 40,
        unit: 'hours',
        terms_version: 1,
        status: 'made',
        accepted_by: null,
        confirmed_quantity: 0,
        claims_pending: 0,
        claims_confirmed: 0,
        claims_disputed: 0,
        made_at: '2026-01-01T09:05:00.000Z',
        made_on: '2026-01-01',
        backfill_reason: null,
        ended_at: null,
        ended_on: null,
        end_reason: null,
        delivered_on: null,
        fulfilled_on_time: null,
      },
    ]);
    expect(rows(given, 'SELECT version, due_date, amended_by FROM accountability_terms')).toEqual([
      { version: 1, due_date: '2026-06-30', amended_by: null },
    ]);
  });

  it('marks a commitment made long before it was recorded as back-filled, at its effective date', () => {
    const given = [
      ...founded,
      { ...made(), effectiveDate: '2025-11-03', backfillReason: 'Signed on paper in November' },
    ];
    const marked = { made_on: '2025-11-03', backfill_reason: 'Signed on paper in November' };
    expect(commitment(given, 'made_on, backfill_reason')).toEqual([marked]);
    expect(
      rows(given, 'SELECT effective_date AS made_on, backfill_reason FROM accountability_terms'),
    ).toEqual([marked]);
    expect(
      rows(
        given,
        'SELECT effective_date AS made_on, backfill_reason FROM accountability_status_history',
      ),
    ).toEqual([marked]);
    expect(history(given)).toEqual([
      { status_from: null, status_to: 'made', changed_by: 'acme', actor: 'tester', reason: null },
    ]);
  });

  it('records a commitment made before commitments had a kind as of kind unspecified', () => {
    const given = [...founded, made('tutoring', { kind: undefined })];
    expect(commitment(given, 'commitment_id, kind')).toEqual([
      { commitment_id: 'tutoring', kind: 'unspecified' },
    ]);
  });

  it('records a beneficiary partner, and a commitment without quantity', () => {
    const given = [
      made('venue', {
        beneficiary: { kind: 'partner', partnerId: 'sos' },
        quantity: undefined,
        unit: undefined,
        objectiveId: undefined,
      }),
    ];
    expect(
      commitment(given, 'beneficiary_partner_id, beneficiary_group, quantity, unit, objective_id'),
    ).toEqual([
      {
        beneficiary_partner_id: 'sos',
        beneficiary_group: null,
        quantity: null,
        unit: null,
        objective_id: null,
      },
    ]);
  });

  it('records who accepted it, and the change of status (CommitmentAccepted)', () => {
    const given = [made(), accepted()];
    expect(commitment(given, 'status, accepted_by')).toEqual([
      { status: 'accepted', accepted_by: 'sos' },
    ]);
    expect(history(given)[1]).toEqual({
      status_from: 'made',
      status_to: 'accepted',
      changed_by: 'sos',
      actor: 'tester',
      reason: null,
    });
  });

  it('puts amended terms in force and keeps every version (CommitmentAmended)', () => {
    const given = [
      made(),
      accepted(),
      commitmentEvent('CommitmentAmended', {
        commitmentId: 'tutoring',
        amendedBy: 'acme',
        reason: 'Summer break',
        what: 'Fifty hours of tutoring',
        dueDate: '2026-09-30',
        quantity: 50,
        unit: 'hours',
      }),
    ];
    expect(commitment(given, 'what, due_date, quantity, terms_version, status')).toEqual([
      {
        what: 'Fifty hours of tutoring',
        due_date: '2026-09-30',
        quantity: 50,
        terms_version: 2,
        status: 'accepted',
      },
    ]);
    expect(
      rows(given, 'SELECT version, due_date, amended_by, reason FROM accountability_terms'),
    ).toEqual([
      { version: 1, due_date: '2026-06-30', amended_by: null, reason: null },
      { version: 2, due_date: '2026-09-30', amended_by: 'acme', reason: 'Summer break' },
    ]);
    expect(history(given)).toHaveLength(2);
  });

  it('keeps each claim with its evidence, pending (FulfilmentClaimed)', () => {
    const given = [made(), accepted(), claimed('c1', 10)];
    expect(
      rows(
        given,
        'SELECT claim_id, claimed_by, evidence, quantity, unit, complete, status FROM accountability_claims',
      ),
    ).toEqual([
      {
        claim_id: 'c1',
        claimed_by: 'acme',
        evidence: 'Attendance sheets c1',
        quantity: 10,
        unit: 'hours',
        complete: 0,
        status: 'claimed',
      },
    ]);
    expect(commitment(given, 'claims_pending, status')).toEqual([
      { claims_pending: 1, status: 'accepted' },
    ]);
  });

  it('adds confirmed quantities and moves to in progress once (FulfilmentConfirmed)', () => {
    const given = [
      made(),
      accepted(),
      claimed('c1', 0.1),
      claimed('c2', 0.2),
      confirmed('c1', 0.1),
      confirmed('c2', 0.2),
    ];
    expect(
      commitment(given, 'status, confirmed_quantity, claims_pending, claims_confirmed'),
    ).toEqual([
      { status: 'in_progress', confirmed_quantity: 0.3, claims_pending: 0, claims_confirmed: 2 },
    ]);
    expect(rows(given, 'SELECT status, settled_by FROM accountability_claims')).toEqual([
      { status: 'confirmed', settled_by: 'city' },
      { status: 'confirmed', settled_by: 'city' },
    ]);
    expect(history(given).map((change) => change.status_to)).toEqual([
      'made',
      'accepted',
      'in_progress',
    ]);
  });

  it('records a disputed claim with its reason, leaving the status (FulfilmentDisputed)', () => {
    const given = [
      made(),
      accepted(),
      claimed('c1', 10),
      commitmentEvent('FulfilmentDisputed', {
        commitmentId: 'tutoring',
        claimId: 'c1',
        disputedBy: 'city',
        reason: 'No attendance sheet',
      }),
    ];
    expect(
      rows(given, 'SELECT status, settled_by, dispute_reason FROM accountability_claims'),
    ).toEqual([{ status: 'disputed', settled_by: 'city', dispute_reason: 'No attendance sheet' }]);
    expect(commitment(given, 'status, claims_pending, claims_disputed')).toEqual([
      { status: 'accepted', claims_pending: 0, claims_disputed: 1 },
    ]);
  });

  it('ends fulfilled, on time when delivered by the due date, whenever recorded (CommitmentFulfilled)', () => {
    const deliveredOn = (day: string): GivenEvent => ({
      ...commitmentEvent('FulfilmentClaimed', {
        commitmentId: 'tutoring',
        claimId: 'c1',
        claimedBy: 'acme',
        evidence: 'Attendance sheets c1',
        quantity: 40,
        unit: 'hours',
        complete: false,
        deliveredOn: day,
      }),
      at: '2026-07-02T09:00:00.000Z',
      effectiveDate: day,
      backfillReason: 'Sheets came in late',
    });
    const onTime = [
      made(),
      accepted(),
      deliveredOn('2026-06-30'),
      confirmed('c1', 40, '2026-07-03T08:00:00.000Z'),
      { ...fulfilled('c1', '2026-07-03T08:00:00.000Z'), effectiveDate: '2026-07-03' },
    ];
    expect(
      commitment(onTime, 'status, ended_at, ended_on, delivered_on, fulfilled_on_time'),
    ).toEqual([
      {
        status: 'fulfilled',
        ended_at: '2026-07-03T08:00:00.000Z',
        ended_on: '2026-07-03',
        delivered_on: '2026-06-30',
        fulfilled_on_time: 1,
      },
    ]);
    expect(rows(onTime, 'SELECT delivered_on, backfill_reason FROM accountability_claims')).toEqual(
      [{ delivered_on: '2026-06-30', backfill_reason: 'Sheets came in late' }],
    );
    expect(history(onTime).at(-1)).toEqual({
      status_from: 'in_progress',
      status_to: 'fulfilled',
      changed_by: 'city',
      actor: 'tester',
      reason: null,
    });
    const late = [...onTime.slice(0, 2), deliveredOn('2026-07-01'), ...onTime.slice(3)];
    expect(commitment(late, 'fulfilled_on_time')).toEqual([{ fulfilled_on_time: 0 }]);
    // A claim recorded before effective dates existed was delivered the day it was recorded.
    const legacy = [
      ...onTime.slice(0, 2),
      { ...claimed('c1', 40), at: '2026-07-01T08:00:00.000Z' },
      ...onTime.slice(3),
    ];
    expect(commitment(legacy, 'delivered_on, fulfilled_on_time')).toEqual([
      { delivered_on: '2026-07-01', fulfilled_on_time: 0 },
    ]);
  });

  it.each([
    [
      'closed_partial',
      'sos',
      commitmentEvent('CommitmentClosedAsPartial', {
        commitmentId: 'tutoring',
        closedBy: 'sos',
        reason: 'Tutor left',
        deliveredQuantity: 10,
        unit: 'hours',
      }),
    ],
    [
      'released',
      'sos',
      commitmentEvent('CommitmentReleased', {
        commitmentId: 'tutoring',
        releasedBy: 'sos',
        reason: 'No longer needed',
      }),
    ],
    [
      'withdrawn',
      'acme',
      commitmentEvent('CommitmentWithdrawn', {
        commitmentId: 'tutoring',
        withdrawnBy: 'acme',
        reason: 'Budget cut',
      }),
    ],
  ])('ends %s, with its reason and who ended it', (status, by, ending) => {
    const given = [made(), accepted(), claimed('c1', 10), confirmed('c1', 10), ending];
    const { reason } = ending.event.data as { reason: string };
    expect(commitment(given, 'status, end_reason, fulfilled_on_time, ended_at')).toEqual([
      { status, end_reason: reason, fulfilled_on_time: null, ended_at: '2026-01-01T09:05:00.000Z' },
    ]);
    expect(history(given).at(-1)).toEqual({
      status_from: 'in_progress',
      status_to: status,
      changed_by: by,
      actor: 'tester',
      reason,
    });
  });

  it('ignores events about a commitment it never saw made, and unknown event types', () => {
    const given: GivenEvent[] = [
      accepted('ghost'),
      commitmentEvent('CommitmentWithdrawn', {
        commitmentId: 'ghost',
        withdrawnBy: 'acme',
        reason: 'x',
      }),
      { stream: 'other-1', event: { type: 'SomethingElse', data: { commitmentId: 'ghost' } } },
    ];
    const db = project(accountabilityProjector, given);
    for (const table of accountabilityProjector.tables)
      expect(db.prepare(`SELECT count(*) AS n FROM "${table}"`).get()).toEqual({ n: 0 });
  });

  it('is deterministic: the same events always give the same rows', () => {
    const given = [
      ...founded,
      made(),
      accepted(),
      claimed('c1', 40),
      confirmed('c1', 40),
      fulfilled('c1'),
    ];
    const digest = (events: readonly GivenEvent[]) =>
      digestOfTables(project(accountabilityProjector, events), accountabilityProjector.tables);
    expect(digest(given)).toBe(digest(given));
    expect(digest(given)).not.toBe(digest(given.slice(0, -1)));
  });
});
