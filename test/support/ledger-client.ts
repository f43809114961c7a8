import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import type { TestLedger } from './ledger-app';

/** Streams of the access audit: reads and refusals are recorded there, not as business facts. */
export const ACCESS_AUDIT_STREAM_PREFIX = 'access-';

export interface Principal {
  readonly sub: string;
  readonly partnerId?: string;
  readonly roles?: readonly string[];
}

export const admin: Principal = { sub: 'city-admin', roles: ['admin'] };
export const partner = (partnerId: string): Principal => ({
  sub: `${partnerId}-officer`,
  partnerId,
  roles: ['partner'],
});

/** supertest calls as a principal, on a test ledger. */
export function ledgerClient(ledger: TestLedger) {
  const server = ledger.app.getHttpServer() as App;
  const store = ledger.app.get<EventStore>(EVENT_STORE);
  // The principal travels only as a signed bearer token, as it does for real clients.
  const headers = (principal: Principal, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${ledger.token(principal)}`,
    ...extra,
  });
  return {
    post: (path: string, body: object, as: Principal = admin, extra?: Record<string, string>) =>
      request(server).post(path).set(headers(as, extra)).send(body),
    put: (path: string, body: object, as: Principal = admin) =>
      request(server).put(path).set(headers(as)).send(body),
    get: (path: string, as: Principal = admin) => request(server).get(path).set(headers(as)),
    /**
     * How many business events the log holds (access-audit events left out), to assert that a
     * refused command recorded nothing.
     */
    async logSize(): Promise<number> {
      let count = 0;
      for await (const event of store.readAll()) {
        if (!event.stream.startsWith(ACCESS_AUDIT_STREAM_PREFIX)) count += 1;
      }
      return count;
    },
  };
}

export type LedgerClient = ReturnType<typeof ledgerClient>;

/** Asserts a problem+json answer with this status and problem type slug. */
export function expectProblem(response: request.Response, status: number, slug: string): void {
  expect({ status: response.status, type: (response.body as { type?: string }).type }).toEqual({
    status,
    type: `urn:cohesion-ledger:problem:${slug}`,
  });
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
}
