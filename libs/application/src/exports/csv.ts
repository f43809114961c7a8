import type { Cell, Money } from './export-columns';

/**
 * `rfc4180`: for programs — `,`, no byte order mark, amounts in cents, numbers with a decimal
 * point, values as the JSON API writes them. `excel-fr`: for spreadsheets set to French — `;`
 * (French Excel splits on the list separator, `;`, and reads a comma as the decimal mark), a UTF-8
 * byte order mark (without it Excel reads the file as Windows-1252), amounts in euros (currency
 * units) with a decimal comma, days and instants in a form Excel turns into dates, VRAI / FAUX.
 */
export const CSV_DIALECTS = ['rfc4180', 'excel-fr'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

export const UTF8_BOM = '\uFEFF';

/** Cells a spreadsheet would run as a formula (and tab / CR, which some strip before looking). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES: Record<CsvDialect, RegExp> = { rfc4180: /[",\r\n]/, 'excel-fr': /[";\r\n]/ };
const SEPARATOR: Record<CsvDialect, string> = { rfc4180: ',', 'excel-fr': ';' };

/**
 * One field of text. Text that a spreadsheet would take for a formula is prefixed with a single
 * quote (CSV injection); it is quoted when it holds the separator, a quote or a line break.
 */
export function csvText(value: string, dialect: CsvDialect): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES[dialect].test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One field: numbers, days, instants and booleans are ours, written without quoting. */
export function csvField(cell: Cell | null, dialect: CsvDialect): string {
  if (cell === null) return '';
  if (cell.kind === 'text') return csvText(cell.value, dialect);
  return dialect === 'rfc4180' ? machineField(cell) : frenchSpreadsheetField(cell);
}

function machineField(cell: Exclude<Cell, { kind: 'text' }>): string {
  switch (cell.kind) {
    case 'money':
      return String(cell.value.cents);
    case 'integer':
    case 'decimal':
    case 'boolean':
    case 'date':
    case 'instant':
      return String(cell.value);
  }
}

function frenchSpreadsheetField(cell: Exclude<Cell, { kind: 'text' }>): string {
  switch (cell.kind) {
    case 'money':
      return amountOf(cell.value).replace('.', ',');
    case 'integer':
    case 'decimal':
      return plainDecimal(cell.value).replace('.', ',');
    case 'boolean':
      return cell.value ? 'VRAI' : 'FAUX';
    case 'date':
      return cell.value;
    case 'instant':
      return spreadsheetInstant(cell.value);
  }
}

/** One record, CRLF-terminated as RFC 4180 has it. */
export function csvRecord(fields: readonly string[], dialect: CsvDialect): string {
  return `${fields.join(SEPARATOR[dialect])}\r\n`;
}

/** `1234.5` for 123450 cents: exact, from the integer, with the currency's two decimals. */
export function amountOf({ cents }: Money): string {
  const whole = Math.trunc(Math.abs(cents) / 100);
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${whole}.${fraction}`;
}

/** The shortest decimal that reads back as the number, never in exponent form (1e-7, 1e21). */
export function plainDecimal(value: number): string {
  const shortest = String(value);
  const exponent = /e([+-]\d+)$/.exec(shortest);
  if (!exponent || !Number.isFinite(value)) return shortest;
  if (Number.isInteger(value)) return BigInt(value).toString();
  const mantissaDecimals = (/\.(\d+)e/.exec(shortest)?.[1] ?? '').length;
  return value.toFixed(Math.min(100, mantissaDecimals - Number(exponent[1])));
}

/**
 * `2026-03-02 17:40:12` for `2026-03-02T17:40:12.345Z`: the form spreadsheets read as a date
 * and time (the ledger's instants are UTC; the milliseconds are left to the machine formats).
 */
export function spreadsheetInstant(instant: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(instant);
  return match ? `${match[1]} ${match[2]}` : instant;
}
