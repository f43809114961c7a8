import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../harness/measure';
import type { Measurement, SuiteOptions } from '../harness/types';

export const DISK_FSYNC = 'write + fsync of a 4 KiB block';
export const DISK = 'disk';

const BLOCK = Buffer.alloc(4096, 0x5a);

/**
 * The disk's durable-write rate in the scratch directory (where the stores write): rewrite one
 * 4 KiB block and fsync it, in a loop. A durable single append needs at least one fsync, so this
 * is the physical ceiling of sequential single appends.
 */
export function measureDiskFsync({
  runs,
  warmups,
  scratch,
  quick,
}: SuiteOptions): Promise<Measurement> {
  const syncs = quick ? 300 : 2000;
  const file = join(scratch, 'fsync-probe');
  return measure(
    { name: DISK_FSYNC, system: DISK, unit: 'fsyncs/s', better: 'higher' },
    { runs, warmups },
    () => {
      const descriptor = openSync(file, 'w');
      try {
        const started = process.hrtime.bigint();
        for (let index = 0; index < syncs; index += 1) {
          writeSync(descriptor, BLOCK, 0, BLOCK.length, 0);
          fsyncSync(descriptor);
        }
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        return Promise.resolve({ value: syncs / seconds });
      } finally {
        closeSync(descriptor);
        rmSync(file, { force: true });
      }
    },
  );
}
