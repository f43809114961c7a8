import request from 'supertest';
import type { App } from 'supertest/types';

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

/** supertest calls with the development principal headers set. */
export function ledgerClient(server: App) {
  const headers = (principal: Principal, extra: Record<string, string> = {}) => ({
    'x-ledger-actor': principal.sub,
    ...(principal.partnerId ? { 'x-ledger-partner-id': principal.partnerId } : {}),
    ...(principal.roles ? { 'x-ledger-roles': principal.roles.join(',') } : {}),
    ...extra,
  });
  return {
    post: (path: string, body: object, as: Principal = admin, extra?: Record<string, string>) =>
      request(server).post(path).set(headers(as, extra)).send(body),
    put: (path: string, body: object, as: Principal = admin) =>
      request(server).put(path).set(headers(as)).send(body),
    get: (path: string, as: Principal = admin) => request(server).get(path).set(headers(as)),
    /** Every event of the whole log, to assert that a refused command recorded nothing. */
    async logSize(): Promise<number> {
      const response = await request(server).get('/health');
      return Number(
        (response.body as { info: { eventStore: { headPosition: string } } }).info.eventStore
          .headPosition,
      );
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
