import { Writable } from 'node:stream';
import { type Params, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import pino from 'pino';
import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, expectProblem, type LedgerClient, ledgerClient } from '../support/ledger-client';

const founding = (partnershipId: string, padding = '') => ({
  partnershipId,
  name: 'Homework club',
  purpose: `Help pupils of the estate with their homework${padding}`,
  territory: 'Northside',
  neighbourhoods: ['Les Tilleuls'],
});

const CONFIGURED_ORIGIN = 'https://city.example';
const OTHER_ORIGIN = 'https://elsewhere.example';

describe('abuse limits and hygiene', () => {
  describe('with the default settings', () => {
    let ledger: TestLedger;
    let api: LedgerClient;
    let server: App;

    beforeAll(async () => {
      ledger = await startTestLedger();
      api = ledgerClient(ledger);
      server = ledger.app.getHttpServer() as App;
    });
    afterAll(() => ledger.close());

    it('refuses a body over 256 KiB with 413 before any route runs, recording nothing', async () => {
      const before = await api.logSize();
      const response = await api.post('/partnerships', founding('big', 'x'.repeat(300 * 1024)));
      expectProblem(response, 413, 'payload-too-large');
      expect(await api.logSize()).toBe(before);
      // Just under the limit, the body reaches validation and is judged on its merits.
      expectProblem(
        await api.post('/partnerships', founding('fits', 'x'.repeat(200 * 1024))),
        400,
        'bad-request',
      );
      expect(await api.logSize()).toBe(before);
    });

    it.each([
      '/partnerships',
      '/partnerships/fits/meetings',
      '/commitments',
      '/contributions',
      '/agreements',
      '/conflicts',
      '/conflicts/noise/replay',
      '/indicators',
      '/feedback',
      '/audit-trail',
      '/access-audit',
    ])('caps the page size of %s at 500 (400 above, nothing appended)', async (path) => {
      const before = await api.logSize();
      expectProblem(await api.get(`${path}?limit=501`, admin), 400, 'bad-request');
      expectProblem(await api.get(`${path}?limit=-1`, admin), 400, 'bad-request');
      expect((await api.get(`${path}?limit=500`, admin)).status).not.toBe(400);
      expect(await api.logSize()).toBe(before);
    });

    it("caps a stream's page of events at 1000", async () => {
      expectProblem(
        await api.get('/streams/partnership-fits/events?limit=1001', admin),
        400,
        'bad-request',
      );
      const atCap = await api.get('/streams/partnership-fits/events?limit=1000', admin);
      expect(atCap.status).not.toBe(400);
    });

    it('sends security headers on API answers and problems, with a CSP that loads nothing', async () => {
      for (const response of [
        await request(server).get('/health').expect(200),
        await api.get('/no-such-route'),
        await api.post('/partnerships', { unexpected: true }),
      ]) {
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age=') as unknown,
          'content-security-policy': "default-src 'none';frame-ancestors 'none'",
          'referrer-policy': 'no-referrer',
          'cross-origin-resource-policy': 'same-origin',
        });
        expect(response.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('relaxes the CSP for the API docs only, to what Swagger UI needs', async () => {
      for (const path of ['/docs/', '/docs/json']) {
        const response = await request(server).get(path).expect(200);
        const policy = response.headers['content-security-policy'];
        expect(policy).toContain("default-src 'self'");
        expect(policy).toContain("script-src 'self'");
        expect(policy).not.toContain('upgrade-insecure-requests');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('serves the API docs page with scripts of its own origin only (helmet CSP keeps it working)', async () => {
      const page = await request(server).get('/docs/').expect(200);
      expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
      expect(page.text).toContain('swagger-ui-init.js');
      await request(server).get('/docs/swagger-ui-init.js').expect(200);
    });

    it('keeps CORS closed: no Access-Control-Allow-Origin for any origin, even on preflight', async () => {
      const simple = await request(server).get('/health').set('Origin', OTHER_ORIGIN);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(server)
        .options('/partnerships')
        .set('Origin', CONFIGURED_ORIGIN)
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('never logs bearer tokens nor cookies', () => {
      const params = ledger.app.get<Params>(PARAMS_PROVIDER_TOKEN);
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      });
      const options = params.pinoHttp as pino.LoggerOptions;
      pino({ ...options, level: 'info' }, sink).info(
        {
          req: {
            method: 'GET',
            url: '/partnerships',
            headers: { authorization: 'Bearer eyJhbGciOi.secret-token.sig', cookie: 'sid=secret' },
          },
          res: { statusCode: 200, headers: { 'set-cookie': 'sid=secret' } },
        },
        'request completed',
      );
      expect(lines.join('')).toContain('[redacted]');
      expect(lines.join('')).not.toContain('secret');
    });
  });

  describe('with a low rate limit, a small body limit and one allowed origin', () => {
    let ledger: TestLedger;
    let api: LedgerClient;
    let server: App;

    beforeAll(async () => {
      ledger = await startTestLedger({
        LEDGER_RATE_LIMIT_PER_MINUTE: '4',
        LEDGER_BODY_LIMIT_KB: '2',
        LEDGER_CORS_ORIGINS: `${CONFIGURED_ORIGIN},https://school.example`,
      });
      api = ledgerClient(ledger);
      server = ledger.app.getHttpServer() as App;
    });
    afterAll(() => ledger.close());

    it('allows the configured origin only', async () => {
      const allowed = await request(server).get('/health').set('Origin', CONFIGURED_ORIGIN);
      expect(allowed.headers['access-control-allow-origin']).toBe(CONFIGURED_ORIGIN);
      const other = await request(server).get('/health').set('Origin', OTHER_ORIGIN);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await request(server)
        .options('/partnerships')
        .set('Origin', CONFIGURED_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(CONFIGURED_ORIGIN);
      expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    });

    it('applies the configured body limit (413 over 2 KiB)', async () => {
      const before = await api.logSize();
      expectProblem(
        await api.post('/partnerships', founding('big', 'x'.repeat(3 * 1024))),
        413,
        'payload-too-large',
      );
      expect(await api.logSize()).toBe(before);
    });

    it('answers 429 with Retry-After over the per-minute limit, recording nothing; /health stays open', async () => {
      // One budget per client across every route (a body refused as too large never reached it).
      await api.get('/partnerships').expect(200);
      await api.get('/agreements').expect(200);
      await api.get('/conflicts').expect(200);
      await api.get('/commitments').expect(200);
      const before = await api.logSize();
      const refused = await api.post('/partnerships', founding('one-too-many'));
      expectProblem(refused, 429, 'too-many-requests');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(await api.logSize()).toBe(before);
      expectProblem(await api.get('/partnerships'), 429, 'too-many-requests');
      // Without trusted proxies, a forwarded-for header is no way round the limit.
      expectProblem(
        await api.get('/partnerships').set('X-Forwarded-For', '203.0.113.77'),
        429,
        'too-many-requests',
      );
      for (let probe = 0; probe < 3; probe += 1) await request(server).get('/health').expect(200);
    });
  });

  describe('behind a trusted reverse proxy (LEDGER_TRUST_PROXY)', () => {
    let ledger: TestLedger;
    let api: LedgerClient;

    beforeAll(async () => {
      ledger = await startTestLedger({
        LEDGER_RATE_LIMIT_PER_MINUTE: '2',
        LEDGER_TRUST_PROXY: 'loopback',
      });
      api = ledgerClient(ledger);
    });
    afterAll(() => ledger.close());

    it('gives each forwarded client its own budget', async () => {
      const from = (client: string) => api.get('/partnerships').set('X-Forwarded-For', client);
      await from('203.0.113.1').expect(200);
      await from('203.0.113.1').expect(200);
      expectProblem(await from('203.0.113.1'), 429, 'too-many-requests');
      await from('203.0.113.2').expect(200);
    });
  });
});
