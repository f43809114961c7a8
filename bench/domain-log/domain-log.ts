import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DomainLogShape,
  type DomainLogSummary,
  generateDomainLog,
} from './generate-domain-log';

export type { DomainLogSummary } from './generate-domain-log';

/**
 * The log the application benchmarks run on: a million events, one case of 10,000. While
 * developing a suite, `BENCH_DOMAIN_EVENTS=100000` (say) makes a smaller one, its long case a
 * tenth of it at most; figures taken on it are not the ones to compare.
 */
export const BENCH_DOMAIN_LOG: DomainLogShape = domainLogShape(process.env.BENCH_DOMAIN_EVENTS);

function domainLogShape(events = '1000000'): DomainLogShape {
  const count = Number(events);
  if (!/^\d+$/.test(events) || count < 10_000) {
    throw new RangeError(`BENCH_DOMAIN_EVENTS must be a whole number ≥ 10000, got ${events}`);
  }
  return {
    events: count,
    longConflictEvents: Math.min(10_000, Math.floor(count / 10)),
    seed: 20_261_127,
  };
}

/** One log per shape for the whole bench run, whichever suite asks first. */
const generated = new Map<string, Promise<DomainLogSummary>>();

/**
 * The domain log of this bench run, generated once and shared by the suites that need it
 * (rebuild and queries): the first call generates it into its `scratch` directory, which lasts
 * the whole run; later calls with the same shape get the same file, whatever their scratch.
 */
export function ensureDomainLog(
  scratch: string,
  shape: DomainLogShape = BENCH_DOMAIN_LOG,
): Promise<DomainLogSummary> {
  const key = `${shape.events}-${shape.longConflictEvents}-${shape.seed}`;
  let summary = generated.get(key);
  if (!summary) {
    const directory = join(scratch, 'domain-log');
    mkdirSync(directory, { recursive: true });
    summary = generateDomainLog(join(directory, `events-${key}.sqlite`), shape);
    generated.set(key, summary);
  }
  return summary;
}
