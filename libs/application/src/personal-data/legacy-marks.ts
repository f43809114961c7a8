import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonalField } from '@cohesion/personal-data';

/** Where `ledger personal-data scan` leaves its marks, in the data directory. */
export const LEGACY_MARKS_FILE = 'personal-data-legacy.json';

export function legacyMarksPath(dataDir: string): string {
  return join(dataDir, LEGACY_MARKS_FILE);
}

/** A legacy event: recorded before sealing, it holds these personal fields in clear. */
export interface LegacyMark {
  readonly position: string;
  readonly stream: string;
  readonly type: string;
  readonly recordedAt: string;
  /** Paths and whose they are: never the values. */
  readonly fields: readonly PersonalField[];
}

/** What the last scan found, up to which position of the log. */
export interface LegacyMarks {
  readonly scannedAt: string;
  /** The position of the last event the scan read ("0" for an empty log). */
  readonly headPosition: string;
  readonly events: readonly LegacyMark[];
}

/** The marks of the last scan, or undefined when this data directory was never scanned. */
export function readLegacyMarks(dataDir: string): LegacyMarks | undefined {
  const file = legacyMarksPath(dataDir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as LegacyMarks;
}

/** Replaces the marks whole (written aside, then renamed), readable by the ledger's user only. */
export function writeLegacyMarks(dataDir: string, marks: LegacyMarks): void {
  const file = legacyMarksPath(dataDir);
  const next = `${file}.next`;
  writeFileSync(next, `${JSON.stringify(marks, null, 2)}\n`, { mode: 0o600 });
  renameSync(next, file);
}
