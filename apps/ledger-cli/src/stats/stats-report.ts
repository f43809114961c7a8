import type { LedgerStats } from './ledger-stats';

/** The statistics as an operator reads them: one figure a line, grouped. */
export function statsReport(stats: LedgerStats): string {
  const lines = [
    `events:        ${stats.events}`,
    `streams:       ${stats.streams}`,
    `head position: ${stats.headPosition}`,
    '',
    'events per aggregate:',
    ...counted(stats.eventsPerAggregate),
    '',
    'events per type:',
    ...counted(stats.eventsPerType),
    '',
    'read models (checkpoint, events behind the log):',
    ...(stats.readModels.length === 0
      ? ['  none built yet in this data directory']
      : stats.readModels.map(
          ({ name, version, checkpoint, behind }) =>
            `  ${name} v${version}: ${checkpoint}, ${behind} behind`,
        )),
    '',
    'on disk:',
    ...(Object.keys(stats.filesOnDisk).length === 0
      ? ['  no files: the events are kept by EventStoreDB']
      : Object.entries(stats.filesOnDisk).map(
          ([file, bytes]) => `  ${file}: ${humanBytes(bytes)}`,
        )),
  ];
  return `${lines.join('\n')}\n`;
}

function counted(counts: Record<string, number>): string[] {
  return Object.entries(counts).map(([key, count]) => `  ${key}: ${count}`);
}

function humanBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
