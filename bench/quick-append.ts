/**
 * A first look at the embedded store's append rate (the full benchmark suite comes with the
 * performance issue). Run: npm run bench:quick
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventIdFor, type NewEvent, SqliteEventStore } from '@cohesion/event-store';

const PAYLOAD = { partnerId: 'p-0001', what: 'x'.repeat(160), quantity: 12.5, unit: 'hours' };

function command(count: number): NewEvent[] {
  const commandId = randomUUID();
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, index),
    type: 'ContributionRecorded',
    data: PAYLOAD,
    metadata: {
      actor: { sub: 'bench' },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    },
  }));
}

async function measure(
  label: string,
  total: number,
  perAppend: number,
  streams: number,
): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const store = new SqliteEventStore({ file: join(directory, 'events.sqlite') });
  const started = process.hrtime.bigint();
  for (let appended = 0; appended < total; appended += perAppend) {
    await store.append(`bench-${(appended / perAppend) % streams}`, command(perAppend), {
      expectedRevision: 'any',
    });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  rmSync(directory, { recursive: true, force: true });
  console.log(
    `${label.padEnd(40)} ${String(Math.round(total / seconds)).padStart(8)} events/s  (${total} events, ${seconds.toFixed(2)} s)`,
  );
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} cores, WAL + synchronous=FULL`);
  await measure('1 event per append, sequential', 2000, 1, 100);
  await measure('100 events per append, sequential', 20000, 100, 100);
}

void main();
