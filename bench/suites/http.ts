import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { PublicRoute } from '../../apps/ledger-api/src/authorization/authorize.decorator';
import { startBenchLedger } from '../harness/bench-ledger';
import { measure } from '../harness/measure';
import type { Measurement, Ratio, Suite } from '../harness/types';

/** The subset of autocannon's API used here (the package ships no types). */
interface LoadResult {
  readonly requests: { readonly average: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<LoadResult>;
// autocannon lives in bench/node_modules, beside the other peers the product must not depend on.
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const CONCURRENCIES = [1, 16, 64] as const;
const SECONDS_PER_SAMPLE = 2;
const TARGET_RATIO = 0.5;
const PARTNERSHIP = 'bench-youth';

/** The framework's ceiling: a public route doing nothing, behind the same middleware and guards. */
@Controller('bench')
class EmptyRouteController {
  @PublicRoute()
  @Post('empty')
  @HttpCode(200)
  empty(): Record<string, never> {
    return {};
  }
}

/**
 * The real API on the embedded SQLite store, in this process and listening on a port, with one
 * bench-only controller added to its module; autocannon loads it from a worker thread, so that
 * the load generator runs on the other core instead of sharing the API's event loop. The command
 * is a partner recording a contribution (a new stream each time, unique Idempotency-Key), answered
 * once the read models include it, as every command is.
 */
export const httpSuite: Suite = async ({ runs, warmups, scratch, log }) => {
  const ledger = await startBenchLedger(mkdtempSync(join(scratch, 'http-')), {
    controllers: [EmptyRouteController],
  });
  try {
    const url = await ledger.app.getUrl();
    const admin = await ledger.token({ sub: 'city-admin', roles: ['admin'] });
    const acme = await ledger.token({ sub: 'acme-officer', roles: ['partner'], partnerId: 'acme' });
    await foundPartnership(url, admin);
    const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const command: LoadTarget = {
      url: `${url}/contributions`,
      headers: {
        authorization: `Bearer ${acme}`,
        'idempotency-key': 'bench-[<id>]',
      },
      body: JSON.stringify({
        contributionId: 'c-[<id>]',
        partnershipId: PARTNERSHIP,
        kind: 'volunteer_time',
        quantity: 2,
        unit: 'hours',
        date: day,
        description: 'Mentoring session',
      }),
    };
    const empty: LoadTarget = { url: `${url}/bench/empty`, headers: {}, body: command.body };
    const measurements: Measurement[] = [];
    const ratios: Ratio[] = [];
    for (const connections of CONCURRENCIES) {
      const load = (target: LoadTarget, name: string, system: string) =>
        measure(
          {
            name: `${name}, ${connections} in flight`,
            system,
            unit: 'requests/s',
            better: 'higher',
          },
          { runs, warmups },
          async () => {
            const result = await loadTest(target, connections);
            return {
              value: result.requests.average,
              details: { p50Ms: result.latency.p50, p99Ms: result.latency.p99 },
            };
          },
        );
      const recorded = await load(command, 'POST /contributions', 'cohesion-ledger');
      const ceiling = await load(empty, 'POST /bench/empty', 'nest empty route');
      log(`${connections} in flight: ${recorded.median} commands/s, empty ${ceiling.median}/s`);
      measurements.push(recorded, ceiling);
      const value = recorded.median / ceiling.median;
      ratios.push({
        name: `commands vs empty route, ${connections} in flight`,
        of: 'cohesion-ledger / nest empty route',
        value,
        ...(connections === 64 ? { target: `≥ ${TARGET_RATIO}`, met: value >= TARGET_RATIO } : {}),
      });
    }
    return {
      suite: 'http',
      setup: {
        command: 'POST /contributions (partner token, unique Idempotency-Key)',
        ceiling: 'POST /bench/empty (public, same middleware)',
        secondsPerSample: SECONDS_PER_SAMPLE,
        loadGenerator: 'autocannon in a worker thread, API in the main thread',
        logLevel: 'silent',
      },
      measurements,
      ratios,
      targets: [],
      notes: [
        'Latencies (details p50Ms, p99Ms) are autocannon’s, medians over the runs.',
        'Every command is a durable append (fsync) and waits for the read models to include it.',
      ],
    };
  } finally {
    await ledger.close();
  }
};

interface LoadTarget {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** One autocannon run; any refused or failed request makes the figure meaningless. */
async function loadTest(target: LoadTarget, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    ...target,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    connections,
    duration: SECONDS_PER_SAMPLE,
    idReplacement: true,
    workers: 1,
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${target.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return result;
}

/** A partnership with the partner who records, and another member. */
async function foundPartnership(url: string, adminToken: string): Promise<void> {
  const post = async (path: string, body: object) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  await post('/partnerships', {
    partnershipId: PARTNERSHIP,
    name: 'Youth empowerment',
    purpose: 'Reduce school dropout',
    territory: 'Northside',
    neighbourhoods: ['Les Tilleuls'],
  });
  for (const [partnerId, name, kind] of [
    ['acme', 'ACME Foundation', 'company'],
    ['sos-jeunes', 'SOS Jeunes', 'ngo'],
  ]) {
    await post(`/partnerships/${PARTNERSHIP}/partners`, {
      partnerId,
      name,
      kind,
      role: 'member',
      responsibilities: ['mentoring'],
    });
  }
}
