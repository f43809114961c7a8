import { createRequire } from 'node:module';
import type { RunSample } from './measure';

/** The subset of autocannon's API used here (the package ships no types). */
interface AutocannonResult {
  readonly requests: { readonly total: number };
  readonly duration: number;
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
}
interface AutocannonRequest {
  path: string;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon lives in bench/node_modules, beside the other peers the product must not depend on.
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

/** What one load test sends: GETs of paths taken in turn, or POSTs of one body. */
export type LoadTarget =
  | {
      readonly method: 'GET';
      /** e.g. http://127.0.0.1:3000 */
      readonly origin: string;
      /** Taken in turn, one per request, so that no single id's cache flatters the figure. */
      readonly paths: readonly string[];
      readonly headers: Readonly<Record<string, string>>;
    }
  | {
      readonly method: 'POST';
      readonly origin: string;
      readonly path: string;
      readonly headers: Readonly<Record<string, string>>;
      /** `[<id>]` is replaced by a new id in every request (unique keys). */
      readonly body: string;
    };

/**
 * One closed-loop load test of `seconds` by autocannon, in this process, with `connections`
 * requests in flight (one per connection, no pipelining): requests/s, with latency p50 and p99.
 * Any refused or failed request makes the figure meaningless, so it throws.
 */
export async function loadSample(
  target: LoadTarget,
  connections: number,
  seconds: number,
): Promise<RunSample> {
  const result = await autocannon({
    method: target.method,
    connections,
    duration: seconds,
    ...(target.method === 'GET'
      ? {
          url: target.origin,
          headers: target.headers,
          requests: [{ setupRequest: pathsInTurn(target.paths) }],
        }
      : {
          url: `${target.origin}${target.path}`,
          headers: { 'content-type': 'application/json', ...target.headers },
          body: target.body,
          idReplacement: true,
        }),
  });
  const what = `${target.method} ${target.origin}${target.method === 'GET' ? target.paths[0] : target.path}`;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    const statuses = Object.entries(result.statusCodeStats)
      .map(([status, { count }]) => `${count} × ${status}`)
      .join(', ');
    throw new Error(
      `${what}: ${result.non2xx} non-2xx answers (${statuses}), ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  if (result.requests.total === 0) throw new Error(`${what}: no request answered`);
  return {
    value: result.requests.total / result.duration,
    details: { p50Ms: result.latency.p50, p99Ms: result.latency.p99 },
  };
}

function pathsInTurn(paths: readonly string[]): (request: AutocannonRequest) => AutocannonRequest {
  if (paths.length === 0) throw new RangeError('a GET load test needs at least one path');
  let next = 0;
  return (request) => {
    request.path = paths[next];
    next = (next + 1) % paths.length;
    return request;
  };
}
