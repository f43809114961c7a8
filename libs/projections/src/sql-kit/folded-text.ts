import type Database from 'better-sqlite3';

/**
 * Text as a search compares it: lower case, without accents or other marks ("Saint-Étienne" and
 * "saint-etienne" fold alike). SQLite's own LIKE and lower() only fold ASCII letters.
 */
export function foldedText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/** Makes `folded(text)` available to this connection's SQL (see `foldedText`). */
export function registerFoldedText(db: Database.Database): void {
  db.function('folded', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldedText(text) : null,
  );
}
