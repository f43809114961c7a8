/** Columns holding JSON are written and read through these two, so that both sides agree. */
export const toJsonColumn = (value: unknown): string => JSON.stringify(value);

export const fromJsonColumn = <T>(column: string): T => JSON.parse(column) as T;
