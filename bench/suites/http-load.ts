import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { DomainLogSummary } from '../domain-log/domain-log';
import { SeededRandom } from '../domain-log/seeded-random';
import type { LoadTarget } from '../harness/load-test';

/** Ids each read route takes in turn: enough that no single row's cache flatters the figure. */
const IDS_PER_ROUTE = 200;
export const PARTNERSHIP = 'bench-youth';

/** A read route of the API, its requests spread over ids drawn from the log. */
export interface ReadRoute {
  readonly label: string;
  readonly target: LoadTarget;
}

/**
 * The reads issue 19 sets targets for, as an administrator (who may read everything) asks them:
 * a partner's accountability, a partnership's contributions valued, a commitment's detail.
 */
export function readRoutes(
  origin: string,
  adminToken: string,
  domainLog: DomainLogSummary,
  readModelsFile: string,
): readonly ReadRoute[] {
  const random = new SeededRandom(19);
  const headers = { authorization: `Bearer ${adminToken}` };
  const route = (label: string, ids: readonly string[], path: (id: string) => string) => ({
    label,
    target: {
      method: 'GET' as const,
      origin,
      headers,
      paths: random.sample(ids, IDS_PER_ROUTE).map((id) => path(encodeURIComponent(id))),
    },
  });
  return [
    route(
      'GET /partners/:id/accountability',
      domainLog.partnerIds,
      (id) => `/partners/${id}/accountability`,
    ),
    route(
      'GET /partnerships/:id/contributions',
      domainLog.partnershipIds,
      (id) => `/partnerships/${id}/contributions`,
    ),
    route('GET /commitments/:id', commitmentIds(readModelsFile), (id) => `/commitments/${id}`),
  ];
}

/** Every commitment of the rebuilt read models (the log's summary does not list them). */
function commitmentIds(readModelsFile: string): string[] {
  const db = new Database(readModelsFile, { readonly: true, fileMustExist: true });
  try {
    const ids = db
      .prepare('SELECT commitment_id FROM accountability_commitments')
      .pluck()
      .all() as string[];
    if (ids.length === 0) throw new Error(`no commitment in ${readModelsFile}`);
    return ids;
  } finally {
    db.close();
  }
}

/**
 * A partner recording a contribution to a partnership founded for the bench (a new stream each
 * time, unique Idempotency-Key), durable and answered once the read models include it.
 */
export function recordContribution(origin: string, partnerToken: string): LoadTarget {
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return {
    method: 'POST',
    origin,
    path: '/contributions',
    headers: { authorization: `Bearer ${partnerToken}`, 'idempotency-key': 'bench-[<id>]' },
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
}

/** The partnership the commands record in, with the partner who records and another member. */
export async function foundPartnership(origin: string, adminToken: string): Promise<void> {
  const post = async (path: string, body: object) => {
    const response = await fetch(`${origin}${path}`, {
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

/** Only guards against a hang: the check reads the whole log, seconds for a million events. */
const STRUCTURE_CHECK_TIMEOUT_MS = 10 * 60_000;

interface HealthDetails {
  readonly details?: { readonly eventStore?: { readonly structureCheck?: { state: string } } };
}

/**
 * Waits until the check of the event store's files that a clean start leaves running in the
 * background (a worker thread: it would compete with the load generator for the second core) is
 * over, and returns the seconds waited. Damage found fails the suite.
 */
export async function structureCheckSettled(origin: string, adminToken: string): Promise<number> {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + STRUCTURE_CHECK_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${origin}/health/details`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    const health = (await response.json()) as HealthDetails;
    const state = health.details?.eventStore?.structureCheck?.state;
    if (state === undefined || state === 'failed' || state === 'interrupted') {
      throw new Error(`/health/details: ${response.status} ${JSON.stringify(health)}`);
    }
    if (state !== 'running') return Number(process.hrtime.bigint() - started) / 1e9;
    await sleep(250);
  }
  throw new Error(`the store's background check still runs after ${STRUCTURE_CHECK_TIMEOUT_MS} ms`);
}
