import { formText, optionalNumber } from './form-text';

/**
 * A list typed one item a line (neighbourhoods, responsibilities, decisions): each line trimmed,
 * the empty ones left out, so the ledger says "at least one" next to the field when none is left.
 */
export function textLines(form: FormData, name: string): string[] {
  return formText(form, name)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * An id made from a name ("Association SOS Jeunes" → "association-sos-jeunes"): accents dropped,
 * anything else than letters and digits made a hyphen, as the ledger's ids allow.
 */
export function idFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * A number field the command needs: NaN when left empty, which the body sends as null and the
 * ledger refuses next to the field (rather than the form guessing a value).
 */
export function requiredNumber(form: FormData, name: string): number {
  return optionalNumber(form, name) ?? Number.NaN;
}
