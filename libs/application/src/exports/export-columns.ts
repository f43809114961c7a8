import type { PersonalText } from '@cohesion/projections';

/** An amount in integer cents of its currency, as the read models keep amounts. */
export interface Money {
  readonly cents: number;
  readonly currency: string;
}

/** The names the read models know for ids, looked up as the rows are written. */
export interface Names {
  partnership(partnershipId: string): string | null;
  /** The name the partner joined this partnership under. */
  partner(partnershipId: string, partnerId: string): string | null;
  /** The name the partner last joined any partnership under (for the audits). */
  anyPartner(partnerId: string): string | null;
  objective(partnershipId: string, objectiveId: string): string | null;
  /** A personal field opened: its text, or the marker of an erased or unreadable one. */
  personal(value: PersonalText): string;
}

/** What a cell holds, typed, so that each format writes it as its readers expect. */
export type Cell =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'decimal'; readonly value: number }
  | { readonly kind: 'money'; readonly value: Money }
  /** A day, `YYYY-MM-DD`. */
  | { readonly kind: 'date'; readonly value: string }
  /** An instant as the ledger records them: ISO 8601, UTC. */
  | { readonly kind: 'instant'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean };

export type CellKind = Cell['kind'];
type ValueOf<K extends CellKind> = Extract<Cell, { kind: K }>['value'];

/** A column of a tabular export: its header, its type, and how a row fills it. */
interface ColumnOfKind<T, K extends CellKind> {
  readonly header: string;
  readonly kind: K;
  readonly value: (row: T, names: Names) => ValueOf<K> | null;
  /**
   * A name beside an id: in the spreadsheet formats only, so that the machine CSV keeps the
   * columns scripts already read.
   */
  readonly spreadsheetOnly: boolean;
}

export type Column<T> = { [K in CellKind]: ColumnOfKind<T, K> }[CellKind];

/** A cell of a row, `null` when empty. */
export function cellOf<T>(column: Column<T>, row: T, names: Names): Cell | null {
  const value = column.value(row, names);
  // The column's kind types its value: the pair is a Cell by construction.
  return value === null ? null : ({ kind: column.kind, value } as Cell);
}

/** The column builders of one row type. */
export function columnsOf<T>() {
  const column =
    <K extends CellKind>(kind: K) =>
    (header: string, value: (row: T, names: Names) => ValueOf<K> | null): ColumnOfKind<T, K> => ({
      header,
      kind,
      value,
      spreadsheetOnly: false,
    });
  return {
    text: column('text'),
    integer: column('integer'),
    decimal: column('decimal'),
    money: column('money'),
    date: column('date'),
    instant: column('instant'),
    boolean: column('boolean'),
    /** The name of an id, beside it, for spreadsheets. */
    name: (
      header: string,
      value: (row: T, names: Names) => string | null,
    ): ColumnOfKind<T, 'text'> => ({
      header,
      kind: 'text',
      value,
      spreadsheetOnly: true,
    }),
  };
}

/** Values listed in one cell (ids apart by spaces, as ids have none); empty when there is none. */
export function joined(values: readonly string[], separator = ' '): string | null {
  return values.length === 0 ? null : values.join(separator);
}

/** Names of ids listed in one cell, in the order of the ids (the id when it has no name). */
export function namesOf(
  ids: readonly string[],
  nameOf: (id: string) => string | null,
): string | null {
  return joined(
    ids.map((id) => nameOf(id) ?? id),
    ', ',
  );
}
