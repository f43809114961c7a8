import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { CSRF_HEADER, csrfToken } from './csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Writes carry the session's CSRF token; the session itself travels as an HttpOnly cookie. */
const csrfOnWrites: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (!SAFE_METHODS.has(request.method) && token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
};

/** The typed client of the ledger API, same origin, generated from its OpenAPI document. */
export function createLedgerClient(
  baseUrl = window.location.origin,
  // Looked up at each call, so that a page never holds on to a replaced fetch.
  fetchFunction: (request: Request) => Promise<Response> = (request) => globalThis.fetch(request),
) {
  const client = createClient<paths>({ baseUrl, credentials: 'include', fetch: fetchFunction });
  client.use(csrfOnWrites);
  return client;
}

export type LedgerClient = ReturnType<typeof createLedgerClient>;
