import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(__dirname, '..', '..');
/** Only guards against a hang: a server that never answers fails the suite after this. */
const READY_TIMEOUT_MS = 5 * 60_000;
const STOP_TIMEOUT_MS = 30_000;
/** The end of the server's stderr kept to explain a failure. */
const STDERR_KEPT = 4_000;

export interface ServerMemory {
  /** Resident memory now (VmRSS), MiB. */
  readonly rssMiB: number;
  /** The highest resident memory since the process started (VmHWM), MiB. */
  readonly peakRssMiB: number;
}

/** A server running in its own process, answering on 127.0.0.1. */
export interface ChildServer {
  readonly pid: number;
  /** e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Seconds from the spawn until the readiness path first answered 200. */
  readonly secondsToReady: number;
  memory(): ServerMemory;
  stop(): Promise<void>;
}

export interface ChildServerSpec {
  /** What the failures name, e.g. "the API". */
  readonly name: string;
  /** Arguments of `node`, run from the repository's root. */
  readonly args: readonly string[];
  readonly port: number;
  readonly env?: Readonly<Record<string, string>>;
  /** Polled until it answers 200, e.g. /health. */
  readonly readyPath: string;
}

/**
 * Spawns `node …args` and waits until `readyPath` answers 200, timing it from the spawn. Stopped
 * with SIGTERM (SIGKILL after 30 s); a server that exits before it is ready fails with the end of
 * its stderr.
 */
export async function startChildServer(spec: ChildServerSpec): Promise<ChildServer> {
  const origin = `http://127.0.0.1:${spec.port}`;
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...spec.args], {
    cwd: ROOT,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEPT);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  try {
    if (pid === undefined) throw new Error(`${spec.name} did not start`);
    await waitUntilReady(child, `${origin}${spec.readyPath}`, () => stderr, spec.name);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  return {
    pid,
    origin,
    secondsToReady: Number(process.hrtime.bigint() - started) / 1e9,
    memory: () => memoryOf(pid),
    stop: () => stopChild(child, exited),
  };
}

async function waitUntilReady(
  child: ChildProcess,
  url: string,
  stderr: () => string,
  name: string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}): ${stderr()}`);
    }
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(10);
  }
  throw new Error(`${name}: ${url} did not answer 200 within ${READY_TIMEOUT_MS} ms: ${stderr()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(killer);
}

function memoryOf(pid: number): ServerMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => {
    const kib = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
    if (kib === undefined) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(kib) / 1024;
  };
  return { rssMiB: mib('VmRSS'), peakRssMiB: mib('VmHWM') };
}
