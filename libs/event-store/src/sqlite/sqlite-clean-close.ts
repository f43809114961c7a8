import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/**
 * Whether an event store file was closed cleanly by this program and left alone since: a marker
 * beside it, written once its connection closed, holding the size and modification time of the
 * file and of its WAL (which keeps committed frames when another connection, such as the
 * background check's, was still reading). Opening takes the marker away, so a crash, a copy, a
 * restore or any write by something else leaves the files without a matching one.
 *
 * Torn pages come from writes cut short, which only a crash (or another writer) leaves: files
 * closed cleanly and untouched since are structurally as sound as when they were closed, so their
 * whole-file check can run in the background instead of before the first request (bit rot at rest
 * is what that background check is for).
 */
export function cleanCloseMarkerOf(file: string): string {
  return `${file}-closed-cleanly`;
}

interface FileState {
  readonly size: string;
  readonly mtimeNs: string;
}

function stateOf(file: string): FileState | null {
  if (!existsSync(file)) return null;
  const stat = statSync(file, { bigint: true });
  return { size: stat.size.toString(), mtimeNs: stat.mtimeNs.toString() };
}

function statesOf(file: string) {
  return { file: stateOf(file), wal: stateOf(`${file}-wal`) };
}

/** True when `file` and its WAL are as this program left them at a clean close; the marker is taken away either way. */
export function takeCleanCloseMarker(file: string): boolean {
  const marker = cleanCloseMarkerOf(file);
  if (!existsSync(marker)) return false;
  try {
    const left = JSON.parse(readFileSync(marker, 'utf8')) as unknown;
    const now = statesOf(file);
    return now.file !== null && isDeepStrictEqual(left, now);
  } catch {
    return false; // an unreadable marker: checked in full, as after a crash
  } finally {
    rmSync(marker, { force: true });
  }
}

/** Once the store's connection is closed: marks its files as cleanly closed. */
export function leaveCleanCloseMarker(file: string): void {
  const states = statesOf(file);
  if (states.file !== null) writeFileSync(cleanCloseMarkerOf(file), JSON.stringify(states));
}
