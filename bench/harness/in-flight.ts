import { percentile } from './measure';
import type { RunSample } from './measure';

/**
 * Runs `operation(0)` … `operation(total - 1)` with `inFlight` of them pending at any time (a
 * closed loop: each finished operation starts the next), and reports `perOperation × total`
 * per second with the latency of each operation (p50, p99, in ms). `inFlight = 1` is sequential.
 */
export async function inFlightSample(
  total: number,
  inFlight: number,
  perOperation: number,
  operation: (index: number) => Promise<void>,
): Promise<RunSample> {
  const latenciesMs: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const started = process.hrtime.bigint();
      await operation(index);
      latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(inFlight, total) }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    value: (total * perOperation) / seconds,
    details: { p50Ms: percentile(latenciesMs, 0.5), p99Ms: percentile(latenciesMs, 0.99) },
  };
}
