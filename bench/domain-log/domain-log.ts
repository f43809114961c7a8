import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DomainLogShape,
  type DomainLogSummary,
  generateDomainLog,
} from './generate-domain-log';

export type { DomainLogSummary } from './generate-domain-log';

/** The log the application benchmarks run on: a million events, one case of 10,000. */
export const BENCH_DOMAIN_LOG: DomainLogShape = {
  events: 1_000_000,
  longConflictEvents: 10_000,
  seed: 20_261_127,
};

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
