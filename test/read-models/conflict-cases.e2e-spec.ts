import { EVENT_STORE, type EventStore, eventIdFor, type NewEvent } from '@cohesion/event-store';
import { ProjectionRunner } from '@cohesion/projections';
import { calendarDay, inPartnership, partnershipWith } from '../support/agreements-fixtures';
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
const residents = partner('residents');
const martin: Principal = { sub: 'martin-mediation', roles: ['mediator'] };
const free = { kind: 'free', description: 'Noise in the courtyard after the club' };

interface CaseState {
  status: string;
  statements: number;
  mediatorId: string | null;
  pendingResolution: { proposalId: string; acceptedBy: string[] } | null;
}
interface Step {
  revision: number;
  type: string;
  recordedAt: string;
  data: Record<string, unknown>;
  state: CaseState;
}
interface Replay {
  conflictId: string;
  asOf: Step;
  steps: Step[];
  next: string | null;
}
interface Case extends CaseState {
  conflictId: string;
}

describe('conflict cases and replay through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'harmony', ['city', 'assoc', 'residents']);
    await partnershipWith(api, 'elsewhere', ['city', 'assoc']);
  });
  afterAll(() => ledger.close());

  const raise = (conflictId: string, as: Principal, parties: string[], partnershipId = 'harmony') =>
    api
      .post(
        '/conflicts',
        { conflictId, partnershipId, parties, subject: free, summary: 'Noise' },
        as,
      )
      .expect(201);
  const on = (conflictId: string, path: string, body: object, as: Principal = admin) =>
    api.post(`/conflicts/${conflictId}/${path}`, body, as).expect((response) => {
      if (response.status >= 300) throw new Error(JSON.stringify(response.body));
    });
  /** Raised by assoc against city in harmony, acknowledged, with martin accepted by both. */
  async function inMediation(requestedId: string) {
    await raise(requestedId, assoc, ['city']);
    const conflictId = inPartnership('harmony', requestedId);
    await on(conflictId, 'acknowledgement', {}, city);
    await on(conflictId, 'mediator-proposals', { mediatorId: martin.sub });
    for (const party of [assoc, city]) {
      await on(conflictId, `mediator-proposals/${martin.sub}/acceptance`, {}, party);
    }
  }
  const get = async <T>(path: string) => (await api.get(path).expect(200)).body as T;
  const ids = async (query: string) =>
    (await get<{ items: Case[] }>(`/conflicts?${query}`)).items.map((found) => found.conflictId);

  it('follows a case to its resolution, with the time it took', async () => {
    await inMediation('hall-access');
    await on(
      'harmony--hall-access',
      'statements',
      { text: 'We were told Wednesdays were ours' },
      assoc,
    );
    await on(
      'harmony--hall-access',
      'sessions',
      {
        heldOn: calendarDay(0),
        attendees: ['assoc', 'city', martin.sub],
        summary: 'A shared calendar',
      },
      martin,
    );
    await on(
      'harmony--hall-access',
      'resolution-proposals',
      { proposalId: 'p1', terms: 'Share the hall' },
      martin,
    );
    await on('harmony--hall-access', 'resolution-proposals/p1/acceptance', {}, assoc);
    expect(await get<Case>('/conflicts/harmony--hall-access')).toMatchObject({
      status: 'in_mediation',
      open: true,
      mediatorId: martin.sub,
      statements: 1,
      sessions: 1,
      pendingResolution: { proposalId: 'p1', acceptedBy: ['assoc'] },
    });
    await on('harmony--hall-access', 'resolution-proposals/p1/acceptance', {}, city);
    const resolved = await get<Case & Record<string, unknown>>('/conflicts/harmony--hall-access');
    expect(resolved).toMatchObject({
      conflictId: 'harmony--hall-access',
      partnershipId: 'harmony',
      status: 'resolved',
      open: false,
      raisedBy: 'assoc',
      parties: ['city'],
      subject: free,
      outcome: { kind: 'resolved', proposalId: 'p1', amendsAgreementId: null },
      revision: 11,
    });
    const { raisedAt, resolvedAt, timeToResolutionMs } = resolved as unknown as {
      raisedAt: string;
      resolvedAt: string;
      timeToResolutionMs: number;
    };
    expect(timeToResolutionMs).toBe(Date.parse(resolvedAt) - Date.parse(raisedAt));
    expect(timeToResolutionMs).toBeGreaterThanOrEqual(0);
  });

  it('lists cases filtered by partnership, status, party and mediator', async () => {
    await raise('noise', residents, ['assoc']);
    await on('harmony--noise', 'withdrawal', { reason: 'Settled over coffee' }, residents);
    await raise('budget', city, ['assoc'], 'elsewhere');
    await on('elsewhere--budget', 'escalation', {
      escalatedTo: 'Ombudsman',
      reason: 'No common ground',
    });
    await raise('bins', city, ['residents']);

    expect(await ids('partnershipId=harmony')).toEqual([
      'harmony--hall-access',
      'harmony--noise',
      'harmony--bins',
    ]);
    expect(await ids('status=open')).toEqual(['harmony--bins']);
    expect(await ids('status=closed')).toEqual([
      'harmony--hall-access',
      'harmony--noise',
      'elsewhere--budget',
    ]);
    expect(await ids('status=escalated')).toEqual(['elsewhere--budget']);
    expect(await ids('party=residents')).toEqual(['harmony--noise', 'harmony--bins']);
    expect(await ids('party=city&status=closed')).toEqual([
      'harmony--hall-access',
      'elsewhere--budget',
    ]);
    expect(await ids(`mediator=${martin.sub}`)).toEqual(['harmony--hall-access']);
    const first = await get<{ items: Case[]; next: string }>('/conflicts?limit=2');
    expect(first.items.map((found) => found.conflictId)).toEqual([
      'harmony--hall-access',
      'harmony--noise',
    ]);
    expect(await ids(`limit=2&cursor=${first.next}`)).toEqual([
      'elsewhere--budget',
      'harmony--bins',
    ]);
  });

  it('replays a case step by step, and as it stood at a revision or a time', async () => {
    const whole = await get<Replay>('/conflicts/harmony--hall-access/replay');
    expect(whole.steps.map((step) => [step.revision, step.type, step.state.status])).toEqual([
      [0, 'ConflictRaised', 'raised'],
      [1, 'ConflictAcknowledged', 'acknowledged'],
      [2, 'MediatorProposed', 'mediator_proposed'],
      [3, 'MediatorAccepted', 'mediator_proposed'],
      [4, 'MediatorAccepted', 'mediator_proposed'],
      [5, 'MediatorAssigned', 'in_mediation'],
      [6, 'StatementRecorded', 'in_mediation'],
      [7, 'MediationSessionHeld', 'in_mediation'],
      [8, 'ResolutionProposed', 'in_mediation'],
      [9, 'ResolutionAccepted', 'in_mediation'],
      [10, 'ResolutionAccepted', 'in_mediation'],
      [11, 'ConflictResolved', 'resolved'],
    ]);
    expect(whole.steps[6].data).toMatchObject({ text: 'We were told Wednesdays were ours' });
    expect(whole.asOf).toEqual(whole.steps[11]);
    expect(whole.next).toBeNull();

    const paged = await get<Replay>('/conflicts/harmony--hall-access/replay?limit=4');
    expect(paged.steps.map((step) => step.revision)).toEqual([0, 1, 2, 3]);
    const second = await get<Replay>(
      `/conflicts/harmony--hall-access/replay?limit=4&cursor=${paged.next}`,
    );
    expect(second.steps.map((step) => step.revision)).toEqual([4, 5, 6, 7]);

    const atRevision = await get<Replay>('/conflicts/harmony--hall-access/replay?revision=6');
    expect(atRevision.asOf).toMatchObject({ revision: 6, state: { statements: 1 } });
    expect(atRevision.steps.map((step) => step.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const at = whole.steps[8].recordedAt;
    const atTime = await get<Replay>(
      `/conflicts/harmony--hall-access/replay?at=${encodeURIComponent(at)}`,
    );
    expect(atTime.asOf.recordedAt <= at).toBe(true);
    expect(atTime.asOf.revision).toBeGreaterThanOrEqual(8);
    expect(atTime.steps.at(-1)).toEqual(atTime.asOf);
  });

  it('answers 404 for an unknown case or a time before it, 400 for a bad question', async () => {
    expectProblem(await api.get('/conflicts/nope'), 404, 'not-found');
    expectProblem(await api.get('/conflicts/nope/replay'), 404, 'not-found');
    expectProblem(
      await api.get('/conflicts/harmony--noise/replay?at=2000-01-01T00:00:00Z'),
      404,
      'not-found',
    );
    expectProblem(
      await api.get('/conflicts/harmony--noise/replay?at=yesterday'),
      400,
      'bad-request',
    );
    expectProblem(
      await api.get('/conflicts/harmony--noise/replay?at=2026-01-01T00:00:00Z&revision=1'),
      400,
      'bad-request',
    );
    expectProblem(
      await api.get('/conflicts/harmony--noise/replay?revision=-1'),
      400,
      'bad-request',
    );
    expectProblem(
      await api.get('/conflicts/harmony--noise/replay?cursor=nonsense'),
      400,
      'bad-request',
    );
    expectProblem(await api.get('/conflicts?status=pending'), 400, 'bad-request');
    expectProblem(await api.get('/conflicts?limit=501'), 400, 'bad-request');
  });

  it('replays a case of 10,000 statements completely, in order, page by page', async () => {
    await inMediation('marathon');
    const store = ledger.app.get<EventStore>(EVENT_STORE);
    const statements = 10_000;
    const metadata = {
      actor: { sub: 'assoc-officer', partnerId: 'assoc' },
      commandId: 'bulk-statements',
      correlationId: 'bulk-statements',
      causationId: 'bulk-statements',
      schemaVersion: 1,
    };
    const events: NewEvent[] = Array.from({ length: statements }, (_, n) => ({
      id: eventIdFor('bulk-statements', n),
      type: 'StatementRecorded',
      data: {
        conflictId: 'harmony--marathon',
        statementId: `s${n}`,
        partyId: 'assoc',
        text: `Statement ${n}`,
      },
      metadata,
    }));
    let started = performance.now();
    const { position } = await store.append('conflict-harmony--marathon', events, {
      expectedRevision: 5n,
    });
    expect(await ledger.app.get(ProjectionRunner).waitFor(position, 60_000)).toBe(true);
    const projectedMs = performance.now() - started;

    started = performance.now();
    const steps: Step[] = [];
    let cursor: string | null = null;
    do {
      const page: Replay = await get<Replay>(
        `/conflicts/harmony--marathon/replay?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      );
      steps.push(...page.steps);
      cursor = page.next;
    } while (cursor !== null);
    const replayedMs = performance.now() - started;
    console.log(
      `conflict-cases e2e: ${statements + 6} events of one case stored and projected in ` +
        `${projectedMs.toFixed(0)} ms; replayed through HTTP in ${Math.ceil(steps.length / 500)} ` +
        `pages of 500 in ${replayedMs.toFixed(0)} ms`,
    );

    expect(steps).toHaveLength(statements + 6);
    expect(steps.map((step) => step.revision)).toEqual(steps.map((_, index) => index));
    expect(steps.slice(6).every((step, n) => step.state.statements === n + 1)).toBe(true);
    expect(steps.at(-1)?.data).toMatchObject({ statementId: `s${statements - 1}` });
    expect(
      (await get<Replay>('/conflicts/harmony--marathon/replay?revision=5005&limit=1')).asOf.state
        .statements,
    ).toBe(5000);
    expect(await get<Case>('/conflicts/harmony--marathon')).toMatchObject({
      statements,
      revision: statements + 5,
    });
  });
});
