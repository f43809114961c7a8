import { createRequire } from 'node:module';
import { validateLedgerConfig } from '@cohesion/application';
import { benchLedgerSettings, type IssueToken, tokenIssuer } from './bench-ledger';
import { type ChildServer, startChildServer } from './child-server';
import { freePort } from './free-port';

/** bin/compiled.js, the launchers' build-when-stale step (plain CommonJS, so required). */
const { compiledMain } = createRequire(__filename)('../../bin/compiled.js') as {
  compiledMain: (project: string) => string;
};

/** Starts the API on one data directory, again and again, with the same settings and key. */
export interface ApiLauncher {
  /** A new API process, ready once `GET /health` answered 200. */
  start(): Promise<ChildServer>;
  /** Tokens every process of this launcher accepts. */
  readonly token: IssueToken;
}

/**
 * The API as `npm start` runs it (`node bin/ledger-api.js` requires the compiled main), in its
 * own process, on `dataDir`: the compiled main is built first when stale, here, so that no
 * start is timed with a build in it. Settings as the bench ledger's (limits raised, logs off);
 * a new free port at each start. `BENCH_API_PROFILE=<directory>` has each API process write a CPU
 * profile there when it stops (node --cpu-prof), to see where its time goes under the load.
 */
export async function apiLauncher(dataDir: string): Promise<ApiLauncher> {
  const main = compiledMain('ledger-api');
  const { pem, env } = benchLedgerSettings(dataDir);
  const config = validateLedgerConfig({ ...process.env, ...env });
  return {
    token: await tokenIssuer(pem, config),
    start: async () => {
      const port = await freePort();
      return startChildServer({
        name: 'the API',
        args: [...profiling(process.env.BENCH_API_PROFILE), main],
        port,
        env: { ...env, PORT: String(port) },
        readyPath: '/health',
      });
    },
  };
}

const profiling = (directory?: string): string[] =>
  directory ? ['--cpu-prof', '--cpu-prof-dir', directory] : [];
