import type { Response } from 'supertest';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, expectProblem, type LedgerClient, ledgerClient } from '../support/ledger-client';
import { acme, beta, city, martin, recordWorld, sos } from './authorization-world';

/**
 * Probes of what a principal could learn, or take, beyond its own rights: Idempotency-Keys
 * shared across principals, ids chosen to match another partnership's objects, counts that tell
 * of confidential cases, answers left in caches.
 */
describe("probes beyond one principal's rights", () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = ledgerClient(ledger);
    await recordWorld(api);
  });
  afterAll(() => ledger.close());

  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const gift = (partnershipId: string, description: string) => ({
    partnershipId,
    kind: 'volunteer_time',
    quantity: 2,
    unit: 'hours',
    date: yesterday,
    description,
  });

  describe('Idempotency-Keys, scoped to the principal and the route', () => {
    it('cannot be squatted: a key another principal used first is still free for you', async () => {
      const key = { 'idempotency-key': 'vernet-invoice-2026-12' };
      await api.post('/contributions', gift('south', 'Taken first by beta'), beta, key).expect(201);
      const rightful = await api
        .post('/contributions', gift('north', 'The rightful request'), sos, key)
        .expect(201);
      expect(rightful.body).toMatchObject({ events: ['ContributionRecorded'] });
    });

    it("tells nothing of another principal's command sent under the same key", async () => {
      const key = { 'idempotency-key': 'statement-on-hall-0001' };
      await api
        .post('/conflicts/north--hall/statements', { text: 'Confidential words' }, sos, key)
        .expect(201);
      const probe = await api.post('/contributions', gift('north', 'A probe'), acme, key);
      expect(probe.status).toBe(201);
      expect(JSON.stringify(probe.body)).not.toContain('hall');
    });

    it('is one command of yours per route: the same key on another route is another command', async () => {
      const key = { 'idempotency-key': 'city-weekly-0001' };
      await api.post('/contributions', gift('north', 'Weekly help'), city, key).expect(201);
      await api
        .post('/conflicts/north--hall/statements', { text: 'Our side' }, city, key)
        .expect(201);
    });

    it('refuses your own key reused on the same route for another body, naming nothing', async () => {
      const key = { 'idempotency-key': 'sos-reused-0001' };
      await api.post('/contributions', gift('north', 'First'), sos, key).expect(201);
      const reused = await api.post('/contributions', gift('north', 'Second'), sos, key);
      expectProblem(reused, 409, 'idempotency-key-reused');
      const { detail } = reused.body as { detail: string };
      expect(detail).not.toMatch(/contribution-|partnership|north/);
    });
  });

  describe('ids a client chooses for what it creates, scoped to the partnership', () => {
    const raiseInSouth = (conflictId: string) =>
      api.post(
        '/conflicts',
        {
          conflictId,
          partnershipId: 'south',
          parties: ['sos'],
          subject: { kind: 'free', description: 'Noise in the hall' },
          summary: 'Noise in the hall on Saturdays',
        },
        beta,
      );
    const eventsOf = async (stream: string) =>
      (
        (await api.get(`/streams/${stream}/events`).expect(200)).body as {
          events: unknown[];
        }
      ).events.length;

    it.each([
      ['the id of a case of north', 'hall'],
      ['north--hall, the recorded id of that case', 'north--hall'],
      ['an id used nowhere', 'quiet'],
    ])(
      'tell nothing of other partnerships: %s is as free in south as any other',
      async (_case, conflictId) => {
        const before = await eventsOf('conflict-north--hall');
        const raised = await raiseInSouth(conflictId).expect(201);
        expect(raised.body).toMatchObject({
          id: `south--${conflictId}`,
          stream: `conflict-south--${conflictId}`,
          events: ['ConflictRaised'],
        });
        expect(await eventsOf('conflict-north--hall')).toBe(before);
      },
    );

    it("answers a contribution naming another partnership's commitment as one naming none", async () => {
      const naming = (commitmentId: string) =>
        api.post('/contributions', { ...gift('north', 'Tutoring'), commitmentId }, acme);
      const shape = (response: Response, named: string) => {
        const { type, title, rule, detail } = response.body as Record<string, string>;
        return {
          status: response.status,
          type,
          title,
          rule,
          detail: detail.split(named).join('<id>'),
        };
      };
      const before = await api.logSize();
      const other = await naming('south--promise');
      expectProblem(other, 422, 'contribution-commitment-unknown');
      expect(shape(other, 'south--promise')).toEqual(
        shape(await naming('south--ghost'), 'south--ghost'),
      );
      expect(await api.logSize()).toBe(before);
    });
  });

  describe("a partnership's conflict count", () => {
    const conflictsCounted = async (as = admin) => {
      const overview = await api.get('/partnerships/north', as).expect(200);
      const listed = await api.get('/partnerships', as).expect(200);
      const north = (
        listed.body as { items: { partnershipId: string; counts: object }[] }
      ).items.find((item) => item.partnershipId === 'north');
      return [
        (overview.body as { counts: { conflicts: number } }).counts.conflicts,
        (north?.counts as { conflicts: number } | undefined)?.conflicts,
      ];
    };

    it('counts for a member only the cases it is party to or mediates', async () => {
      expect(await conflictsCounted(admin)).toEqual([2, 2]);
      expect(await conflictsCounted(sos)).toEqual([2, 2]);
      // acme is a member of north but a party to none of its cases: it learns of none.
      expect(await conflictsCounted(acme)).toEqual([0, 0]);
    });
  });

  describe('caches', () => {
    it('are told to keep no authenticated answer (Cache-Control: no-store)', async () => {
      for (const [path, as] of [
        ['/conflicts/north--hall/replay', martin],
        ['/partnerships/north', acme],
        ['/streams/feedback-north--voice/events', admin],
      ] as const) {
        const response = await api.get(path, as).expect(200);
        expect(response.headers['cache-control']).toBe('no-store');
      }
    });
  });
});
