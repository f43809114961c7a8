import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import request from 'supertest';
import type { App } from 'supertest/types';
import { foundPartnership } from '../support/indicators-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, ledgerClient, partner } from '../support/ledger-client';

describe('ledger API: health and errors', () => {
  let ledger: TestLedger;
  let server: App;

  beforeAll(async () => {
    ledger = await startTestLedger();
    server = ledger.app.getHttpServer() as App;
  });
  afterAll(() => ledger.close());

  it('answers probes publicly with ok alone, and the details to administrators and auditors', async () => {
    const response = await request(server).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
    const api = ledgerClient(ledger);
    const details = await api.get('/health/details', admin).expect(200);
    expect(details.body).toMatchObject({
      status: 'ok',
      info: {
        eventStore: {
          status: 'up',
          headPosition: '0',
          // A new file: checked in full before opening.
          structureCheck: { state: 'passed', atOpen: true },
        },
      },
    });
    await api.get('/health/details', { sub: 'court', roles: ['auditor'] }).expect(200);
    await api.get('/health/details', partner('acme')).expect(403);
    await request(server).get('/health/details').expect(401);
    expect(existsSync(join(ledger.dataDir, 'events.sqlite'))).toBe(true);
  });

  it('after a clean stop, starts without the whole-file check and runs it in the background', async () => {
    const first = await startTestLedger();
    await foundPartnership(ledgerClient(first), 'youth');
    await first.app.close();
    expect(existsSync(join(first.dataDir, 'events.sqlite-closed-cleanly'))).toBe(true);
    const again = await startTestLedger({}, first.dataDir);
    try {
      const structureCheck = async () => {
        const details = await ledgerClient(again).get('/health/details', admin).expect(200);
        return (details.body as { info: { eventStore: { structureCheck: { state: string } } } })
          .info.eventStore.structureCheck;
      };
      expect(['running', 'passed']).toContain((await structureCheck()).state);
      while ((await structureCheck()).state === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await structureCheck()).toMatchObject({ state: 'passed', atOpen: false });
      // The marker was taken at opening: a crash now would leave none.
      expect(existsSync(join(first.dataDir, 'events.sqlite-closed-cleanly'))).toBe(false);
    } finally {
      await again.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  });

  it('answers an unknown route with a 404 problem+json', async () => {
    const response = await request(server).get('/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'urn:cohesion-ledger:problem:not-found',
      status: 404,
      instance: '/no-such-thing',
    });
  });

  it('reports the event store as down with a 503 problem+json when it cannot be reached', async () => {
    const broken = await startTestLedger();
    try {
      await broken.app.get<EventStore>(EVENT_STORE).close();
      const response = await request(broken.app.getHttpServer() as App)
        .get('/health')
        .expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: 'urn:cohesion-ledger:problem:service-unavailable',
        status: 503,
      });
      // Public: no detail of what is down nor where it stands.
      expect(response.body).not.toHaveProperty('error');
      const details = await ledgerClient(broken).get('/health/details', admin).expect(503);
      expect(details.body).toMatchObject({ error: { eventStore: { status: 'down' } } });
    } finally {
      await broken.close();
    }
  });
});
