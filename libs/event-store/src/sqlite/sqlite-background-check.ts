import { Worker } from 'node:worker_threads';
import { STRUCTURE_CHECK, type StructureFindings } from './sqlite-damage-checks';

/**
 * The worker's code, plain CommonJS so that it runs the same from the compiled app and under the
 * tests' TypeScript loader: its own read-only connection, the two statements of the whole-file
 * check, the findings posted back. It reads a snapshot (a read transaction), so appends go on.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  const findings = db.transaction(() => {
    const integrity = db.pragma(workerData.check.integrity).map((row) => row.integrity_check);
    const { events, head } = db.prepare(workerData.check.countAndHead).get();
    return { integrity, events, head };
  })();
  parentPort.postMessage({ findings });
} catch (error) {
  parentPort.postMessage({ failed: { name: error.name, code: error.code, message: error.message } });
} finally {
  db.close();
}
`;

/** What the worker posts: the findings, or why the check could not run (an I/O error…). */
type WorkerAnswer =
  | { readonly findings: StructureFindings }
  | { readonly failed: { name?: string; code?: string; message: string } };

export interface BackgroundCheck {
  readonly findings: Promise<StructureFindings>;
  /** Stops the check (the store is closing); its promise then never settles. */
  stop(): void;
}

/**
 * The whole-file structure check of `file`, in a worker thread, so that a large store opens in
 * constant time and its requests are served while the check runs on another core. The worker
 * does not keep the process alive.
 */
export function checkStructureInBackground(file: string): BackgroundCheck {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, driver: require.resolve('better-sqlite3'), check: STRUCTURE_CHECK },
  });
  worker.unref();
  const findings = new Promise<StructureFindings>((resolve, reject) => {
    worker.once('message', (answer: WorkerAnswer) =>
      'findings' in answer
        ? resolve(answer.findings)
        : reject(Object.assign(new Error(answer.failed.message), answer.failed)),
    );
    worker.once('error', reject);
  });
  return { findings, stop: () => void worker.terminate() };
}
