import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openReadModelDatabase } from '@cohesion/projections';
import {
  presentOnly,
  ConflictReplayHandler,
  ConflictReplayQuery,
  PartnerAccountabilityHandler,
  PartnerAccountabilityQuery,
  PartnershipRecognitionHandler,
  PartnershipRecognitionQuery,
  type Principal,
} from '@cohesion/application';
import { ensureDomainLog } from '../domain-log/domain-log';
import { ensureReadModels } from '../domain-log/rebuilt-read-models';
import { SeededRandom } from '../domain-log/seeded-random';
import { measure, percentile } from '../harness/measure';
import type { Measurement, Suite, TargetCheck } from '../harness/types';

/** Calls of each report per run, on ids drawn from the log. */
const CALLS_PER_RUN = 300;
/** The largest page the replay route serves. */
const REPLAY_PAGE = 500;
const QUERY_P99_TARGET_MS = 5;
const REPLAY_TARGET_MS = 50;
/** A fixed day to judge overdue commitments by, after the log's last event. */
const AS_OF = '2026-06-30';
const ADMIN: Principal = { sub: 'city-admin', roles: ['admin'] };

/**
 * The API's query handlers, as its QueryBus runs them, on the read models rebuilt from the
 * million-event log: accountability of a partner, contributions of a partnership (valued under
 * the default policy), and the replay of the 10,000-event conflict case, page after page of 500.
 * HTTP is left out (the HTTP suite measures the framework's share); so is the access-audit event
 * the replay route appends for each read.
 */
export const queriesSuite: Suite = async ({ runs, warmups, scratch, log }) => {
  const domainLog = await ensureDomainLog(scratch);
  const readModels = await ensureReadModels(
    domainLog.file,
    join(scratch, 'queries', 'read-models.sqlite'),
  );
  log(`queries on ${readModels}`);
  const db = openReadModelDatabase(readModels);
  try {
    const random = new SeededRandom(8);
    const partnerIds = domainLog.partnerIds;
    const partnershipIds = domainLog.partnershipIds;
    const accountability = new PartnerAccountabilityHandler(db, presentOnly(db));
    const recognition = new PartnershipRecognitionHandler(db, presentOnly(db));
    const reports = [
      await latencies(
        'accountability of a partner (GET /partners/:id/accountability)',
        { runs, warmups },
        () => random.pick(partnerIds),
        (partnerId) =>
          accountability.execute(new PartnerAccountabilityQuery(partnerId, AS_OF, ADMIN)),
      ),
      await latencies(
        'contributions of a partnership, valued (GET /partnerships/:id/contributions)',
        { runs, warmups },
        () => random.pick(partnershipIds),
        (id) => recognition.execute(new PartnershipRecognitionQuery(id, {}, undefined, ADMIN)),
      ),
    ];
    const replay = await measure(
      {
        name: `replay of the ${domainLog.longConflictId} case, every step in pages of ${REPLAY_PAGE}`,
        system: 'cohesion-ledger',
        unit: 'ms',
        better: 'lower',
      },
      { runs, warmups },
      async () => {
        const started = process.hrtime.bigint();
        const steps = await replayWholeCase(db, domainLog.longConflictId);
        return { value: Number(process.hrtime.bigint() - started) / 1e6, details: { steps } };
      },
    );
    return {
      suite: 'queries',
      setup: {
        events: domainLog.events,
        callsPerRun: CALLS_PER_RUN,
        partners: partnerIds.length,
        partnerships: partnershipIds.length,
        replayPage: REPLAY_PAGE,
        via: 'the API query handlers (no HTTP)',
      },
      measurements: [...reports, replay],
      ratios: [],
      targets: [
        ...reports.map((report): TargetCheck => p99Target(report)),
        {
          name: 'replay of a 10,000-event conflict case',
          target: `≤ ${REPLAY_TARGET_MS}`,
          actual: replay.median,
          unit: 'ms',
          met: replay.median <= REPLAY_TARGET_MS,
        },
      ],
      notes: [
        `The replayed case has ${replay.details?.steps} events; each figure is the median of ${runs} runs.`,
      ],
    };
  } finally {
    db.close();
  }
};

/** p50 and p99 of `CALLS_PER_RUN` calls on drawn ids; the run's figure is its p99. */
function latencies(
  name: string,
  settings: { runs: number; warmups: number },
  draw: () => string,
  call: (id: string) => Promise<unknown>,
): Promise<Measurement> {
  return measure(
    { name, system: 'cohesion-ledger', unit: 'ms (p99)', better: 'lower' },
    settings,
    async () => {
      const samples: number[] = [];
      for (let index = 0; index < CALLS_PER_RUN; index++) {
        const id = draw();
        const started = process.hrtime.bigint();
        await call(id);
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      const p99Ms = percentile(samples, 0.99);
      return { value: p99Ms, details: { p50Ms: percentile(samples, 0.5), p99Ms } };
    },
  );
}

function p99Target(report: Measurement): TargetCheck {
  return {
    name: `${report.name}: p99`,
    target: `≤ ${QUERY_P99_TARGET_MS}`,
    actual: report.median,
    unit: 'ms',
    met: report.median <= QUERY_P99_TARGET_MS,
  };
}

/** Every step of the case, following the replay's `next` cursor as a client does. */
async function replayWholeCase(db: Database.Database, conflictId: string): Promise<number> {
  const handler = new ConflictReplayHandler(db);
  let steps = 0;
  let after: number | undefined;
  for (;;) {
    const page = await handler.execute(
      new ConflictReplayQuery(conflictId, { after, limit: REPLAY_PAGE }, ADMIN),
    );
    steps += page.steps.length;
    if (page.next === null) return steps;
    after = page.steps[page.steps.length - 1].revision;
  }
}
