import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestLedger, type TestLedger } from '../support/ledger-app';

describe('ledger API: health and errors', () => {
  let ledger: TestLedger;
  let server: App;

  beforeAll(async () => {
    ledger = await startTestLedger();
    server = ledger.app.getHttpServer() as App;
  });
  afterAll(() => ledger.close());

  it('reports the event store as reachable, on the embedded SQLite file in the data directory', async () => {
    const response = await request(server).get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up', headPosition: '0' } },
    });
    expect(existsSync(join(ledger.dataDir, 'events.sqlite'))).toBe(true);
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
        error: { eventStore: { status: 'down' } },
      });
    } finally {
      await broken.close();
    }
  });
});
