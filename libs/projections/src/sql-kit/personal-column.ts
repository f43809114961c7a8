import { isSealed, type SealedValue } from '@cohesion/personal-data';

/**
 * A personal field as a read model keeps it: sealed (an envelope, opened only when served, so
 * that destroying its key erases it from every read model, rebuilds included), or in clear for an
 * event recorded before sealing existed.
 */
export type PersonalText = string | SealedValue;

/** The column text of a personal field: the envelope's JSON, or the legacy plain text. */
export const toPersonalColumn = (value: PersonalText): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Back from the column: the envelope when the text is one, else the text itself. */
export function fromPersonalColumn(column: string): PersonalText {
  if (!column.startsWith('{')) return column;
  try {
    const parsed: unknown = JSON.parse(column);
    return isSealed(parsed) ? parsed : column;
  } catch {
    return column; // a legacy text that merely starts with a brace
  }
}
