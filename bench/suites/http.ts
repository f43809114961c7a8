import { join } from 'node:path';
import { ensureDomainLog } from '../domain-log/domain-log';
import { copyLedger } from '../domain-log/ledger-copy';
import { ensureReadModels } from '../domain-log/rebuilt-read-models';
import { apiLauncher } from '../harness/api-process';
import { type ChildServer, startChildServer } from '../harness/child-server';
import { freePort } from '../harness/free-port';
import { type LoadTarget, loadSample } from '../harness/load-test';
import { measure, measureInTurns, summarise } from '../harness/measure';
import { ratioBetween, targetCheck } from '../harness/ratios';
import type { Measurement, Ratio, Suite, TargetCheck } from '../harness/types';
import type { HelloFramework } from '../peers/hello-server';
import {
  foundPartnership,
  readRoutes,
  recordContribution,
  structureCheckSettled,
} from './http-load';

/** 1 and the target: 16 in flight told nothing 1 and 64 did not, and cost 40 s of the ten minutes. */
const CONCURRENCIES = [1, 64] as const;
const TARGET_CONCURRENCY = 64;
/**
 * Seconds of load per sample. One second was too noisy: the API's rate swings ±30% from one
 * second to the next (its garbage collections), and a sample opens its connections anew.
 */
const READ_SECONDS = 2;
const COMMAND_SECONDS = 2;
/**
 * Runs per figure: at most 3, not 5, with warm-ups only at the first in-flight level (the servers
 * are warm after it), and starts 3: with 18 read figures, the commands and the starts on the
 * million-event ledger, 5 runs would take the bench past its ten minutes on two cores.
 */
const MAX_RUNS = 3;
const MAX_WARMUPS = 1;
const START_TARGET = { atMost: 3 };
const READ_VS_FASTIFY_TARGET = { atLeast: 0.25 };
const READ_P99_TARGET = { atMost: 20 };
const COMMANDS_TARGET = { atLeast: 2_500 };
const FASTIFY = 'bare Fastify';
const EXPRESS = 'bare Express';
const API = 'cohesion-ledger';
const FLOOR = 'GET /auth/methods (public, no data)';

const PEERS: ReadonlyArray<readonly [HelloFramework, string]> = [
  ['fastify', FASTIFY],
  ['express', EXPRESS],
];

/**
 * The API in its own process as `npm start` runs it, on a copy of the million-event ledger and
 * its rebuilt read models, under load from autocannon in this process: its start-up until
 * `/health` answers, reads at 1 and 64 in flight beside bare Fastify and Express hello-world
 * routes (each in its own process too) and a public route of the API that reads nothing, the
 * command at 64 in flight, and the API's resident memory after all of it.
 */
export const httpSuite: Suite = async ({ runs, warmups, scratch, log }) => {
  const settings = { runs: Math.min(runs, MAX_RUNS), warmups: Math.min(warmups, MAX_WARMUPS) };
  const domainLog = await ensureDomainLog(scratch);
  const readModels = await ensureReadModels(domainLog.file, join(scratch, 'read-models.sqlite'));
  const dataDir = copyLedger(domainLog.file, readModels, join(scratch, 'ledger'));
  const launcher = await apiLauncher(dataDir);
  // The servers running: the API started last (each start stops the one before), the peers.
  const apis: ChildServer[] = [];
  const peers: ChildServer[] = [];
  try {
    log(`http: starting the API on ${domainLog.events} events`);
    const startUp = await measure(
      {
        name: `start-up until GET /health answers 200, ${domainLog.events.toLocaleString('en-US')} events`,
        system: API,
        unit: 's',
        better: 'lower',
      },
      { runs: settings.runs, warmups: 0 },
      async () => {
        await apis.pop()?.stop();
        const started = await launcher.start();
        apis.push(started);
        log(`http: API ready in ${started.secondsToReady.toFixed(2)} s`);
        return { value: started.secondsToReady };
      },
    );
    const api = apis[0];
    const admin = await launcher.token({ sub: 'city-admin', roles: ['admin'] });
    const checkSeconds = await structureCheckSettled(api.origin, admin);
    log(`http: the background check of the store ended ${checkSeconds.toFixed(1)} s after ready`);
    for (const [framework] of PEERS) peers.push(await startPeer(framework));
    const routes = readRoutes(api.origin, admin, domainLog, readModels);
    const contenders: ReadonlyArray<readonly [label: string, system: string, LoadTarget]> = [
      ...routes.map(({ label, target }) => [label, API, target] as const),
      [FLOOR, API, { method: 'GET', origin: api.origin, paths: ['/auth/methods'], headers: {} }],
      ...PEERS.map(
        ([, system], index) =>
          [
            'GET /hello',
            system,
            { method: 'GET', origin: peers[index].origin, paths: ['/hello'], headers: {} },
          ] as const,
      ),
    ];
    const reads: Measurement[] = [];
    for (const connections of CONCURRENCIES) {
      log(`http: reads, ${connections} in flight`);
      reads.push(
        ...(await measureInTurns(
          contenders.map(([label, system, target]) => ({
            description: {
              name: `${label}, ${connections} in flight`,
              system,
              unit: 'requests/s',
              better: 'higher',
            },
            once: () => loadSample(target, connections, READ_SECONDS),
          })),
          { runs: settings.runs, warmups: connections === CONCURRENCIES[0] ? settings.warmups : 0 },
        )),
      );
    }
    log(`http: commands, ${TARGET_CONCURRENCY} in flight`);
    await foundPartnership(api.origin, admin);
    const partner = await launcher.token({
      sub: 'acme-officer',
      roles: ['partner'],
      partnerId: 'acme',
    });
    const command = recordContribution(api.origin, partner);
    const commands = await measure(
      {
        name: `POST /contributions, ${TARGET_CONCURRENCY} in flight`,
        system: API,
        unit: 'requests/s',
        better: 'higher',
      },
      settings,
      () => loadSample(command, TARGET_CONCURRENCY, COMMAND_SECONDS),
    );
    const { rssMiB, peakRssMiB } = api.memory();
    const memory = summarise(
      {
        name: 'API resident memory after the HTTP benchmarks (VmRSS; peak VmHWM)',
        system: API,
        unit: 'MiB',
        better: 'lower',
      },
      [{ value: rssMiB, details: { peakMiB: peakRssMiB } }],
    );
    const { ratios, targets } = verdicts(
      routes.map(({ label }) => label),
      reads,
      startUp,
      commands,
    );
    return {
      suite: 'http',
      setup: {
        events: domainLog.events,
        api: 'compiled main (as npm start), own process, logs silent, rate limit raised',
        reads: 'admin token, ids drawn from the log taken in turn',
        command: 'POST /contributions (partner token, unique Idempotency-Key)',
        loadGenerator: 'autocannon in the bench process, one request per connection',
        readSecondsPerSample: READ_SECONDS,
        commandSecondsPerSample: COMMAND_SECONDS,
        runs: settings.runs,
        warmups: settings.warmups,
      },
      measurements: [
        {
          ...startUp,
          details: {
            firstStartS: startUp.samples[0],
            backgroundCheckAfterReadyS: checkSeconds,
          },
        },
        ...reads,
        commands,
        memory,
      ],
      ratios,
      targets,
      notes: [
        `Runs capped at ${MAX_RUNS} (warm-ups at ${MAX_WARMUPS}, for reads at ${CONCURRENCIES[0]} in flight only), reads of ${READ_SECONDS} s and commands of ${COMMAND_SECONDS} s per sample, to keep the bench under ten minutes on two cores; the systems take turns run by run.`,
        'The API, Fastify and Express each run in their own process (the peers by ts-node, GET /hello answering {"hello":"world"} with the frameworks’ defaults); the load generator is the bench process, so on two cores load generator and server have a core each.',
        'Start-up: from the spawn of `node dist/apps/ledger-api/src/main.js` (compiled beforehand) until GET /health first answers 200, on a copy of the log whose read models are at its head; the files are in the page cache (just copied). The first start follows the copy, which leaves no clean-close marker, so it checks the whole file before opening (details: firstStartS); the later ones follow a clean stop (SIGTERM) and leave the check to a worker thread. The last start serves the HTTP figures, once that background check is over (details: backgroundCheckAfterReadyS, seconds after /health first answered).',
        `${FLOOR} goes through the whole stack (middleware, guards, interceptors, serialisation) without a token to verify or data to read: the API's own floor, in place of the former in-process empty route.`,
        'Latencies (details p50Ms, p99Ms) are autocannon’s, medians over the runs. Every command is a durable append (fsync) and waits for the read models to include it.',
        'Memory: /proc/<pid>/status of the API process after the reads and commands (no target).',
      ],
    };
  } finally {
    for (const server of [...apis, ...peers]) await server.stop();
  }
};

/** The ratios to Fastify's hello route, and the targets of issue 19. */
function verdicts(
  readLabels: readonly string[],
  reads: readonly Measurement[],
  startUp: Measurement,
  commands: Measurement,
): { ratios: Ratio[]; targets: TargetCheck[] } {
  const figure = (label: string, connections: number, system = API) =>
    reads.find((m) => m.name === `${label}, ${connections} in flight` && m.system === system) ??
    failMissing(label, connections, system);
  const ratios: Ratio[] = CONCURRENCIES.flatMap((connections) =>
    [...readLabels, FLOOR].map((label) =>
      ratioBetween(
        `${label} vs Fastify's hello, ${connections} in flight`,
        figure(label, connections),
        figure('GET /hello', connections, FASTIFY),
        connections === TARGET_CONCURRENCY && label !== FLOOR ? READ_VS_FASTIFY_TARGET : undefined,
      ),
    ),
  );
  ratios.push(
    ratioBetween(
      `Express's hello vs Fastify's, ${TARGET_CONCURRENCY} in flight`,
      figure('GET /hello', TARGET_CONCURRENCY, EXPRESS),
      figure('GET /hello', TARGET_CONCURRENCY, FASTIFY),
    ),
  );
  const targets: TargetCheck[] = [
    targetCheck('start-up until /health answers', startUp.median, 's', START_TARGET),
    ...readLabels.map((label) =>
      targetCheck(
        `${label}, p99 at ${TARGET_CONCURRENCY} in flight`,
        figure(label, TARGET_CONCURRENCY).details?.p99Ms ?? Number.NaN,
        'ms',
        READ_P99_TARGET,
      ),
    ),
    targetCheck(
      `POST /contributions at ${TARGET_CONCURRENCY} in flight`,
      commands.median,
      'requests/s',
      COMMANDS_TARGET,
    ),
  ];
  return { ratios, targets };
}

function startPeer(framework: HelloFramework): Promise<ChildServer> {
  return freePort().then((port) =>
    startChildServer({
      name: framework,
      args: [
        '-r',
        'ts-node/register/transpile-only',
        join('bench', 'peers', 'hello-server.ts'),
        framework,
        String(port),
      ],
      port,
      readyPath: '/hello',
    }),
  );
}

function failMissing(label: string, connections: number, system: string): never {
  throw new Error(`no figure for ${label} at ${connections} in flight on ${system}`);
}
