import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { expectProblem, type LedgerClient, ledgerClient } from '../support/ledger-client';

describe('read-your-writes', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_READ_MODEL_WAIT_MS: '150' });
    api = ledgerClient(ledger);
  });
  afterAll(() => ledger.close());

  const found = (partnershipId: string) =>
    api.post('/partnerships', {
      partnershipId,
      name: 'Living together',
      purpose: 'Intercultural dialogue',
      territory: 'Southside',
      neighbourhoods: [],
    });

  it('answers a command once the read models include it, and says how far they are', async () => {
    const response = await found('ryw').expect(201);
    const { position } = response.body as { position: string };
    expect(BigInt(response.headers['x-read-model-position'])).toBeGreaterThanOrEqual(
      BigInt(position),
    );
  });

  it('serves a query that asks for a position the read models reached', async () => {
    const { position } = (await found('ryw-2').expect(201)).body as { position: string };
    await api.get('/streams/partnership-ryw-2/events').set('x-min-position', position).expect(200);
  });

  it('answers 503 with Retry-After when the read models do not reach the position in time', async () => {
    const response = await api
      .get('/streams/partnership-ryw/events')
      .set('x-min-position', '999999999');
    expectProblem(response, 503, 'service-unavailable');
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body).toMatchObject({
      readModelPosition: expect.stringMatching(/^\d+$/) as unknown,
    });
  });

  it('refuses a minimum position that is not a position', async () => {
    expectProblem(
      await api.get('/streams/partnership-ryw/events').set('x-min-position', 'soon'),
      400,
      'bad-request',
    );
  });

  it("reports each read model's checkpoint and lag in /health/details", async () => {
    const head = Number(await api.logSize());
    const health = await api.get('/health/details').expect(200);
    const { projections } = (
      health.body as {
        info: { readModels: { projections: Record<string, { checkpoint: string; lag: string }> } };
      }
    ).info.readModels;
    expect(Object.keys(projections).length).toBeGreaterThanOrEqual(7);
    for (const { checkpoint, lag } of Object.values(projections)) {
      expect({ checkpoint: Number(checkpoint), lag }).toEqual({ checkpoint: head, lag: '0' });
    }
  });
});
