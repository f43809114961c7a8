/** What a sealed value whose key this ledger has never known opens to (an import from elsewhere). */
export const UNREADABLE_MARKER = '[unreadable]';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MARKER = /^\[erased (\d{4}-\d{2}-\d{2})\]$/;

/** What a sealed value opens to once its key was destroyed on `day` (YYYY-MM-DD, UTC). */
export function erasedMarker(day: string): string {
  if (!isDay(day)) throw new RangeError(`${day} is not a day (YYYY-MM-DD)`);
  return `[erased ${day}]`;
}

/** The marker for a key destroyed at `instant` (ISO-8601): the day it was, in UTC. */
export function erasedMarkerAt(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`${instant} is not an instant`);
  return erasedMarker(at.toISOString().slice(0, 10));
}

/** The day of an erased marker (YYYY-MM-DD), or undefined when `value` is not one. */
export function erasedOn(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = MARKER.exec(value)?.[1];
  return day !== undefined && isDay(day) ? day : undefined;
}

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}
