import type { Clause } from './terms-diff';

/** The number of a clause id the forms give (`c3`), 0 for any other id. */
const numberOf = (clauseId: string): number => Number(/^c(\d+)$/.exec(clauseId)?.[1] ?? 0);

/**
 * Terms as written in a form, one clause per paragraph (blank lines between), as clauses. An
 * amendment keeps the earlier terms' clause ids in their order, so that a clause edited in place
 * reads as changed, not as removed and added; paragraphs beyond them get new ids.
 */
export function clausesOfText(text: string, earlier: readonly Clause[] = []): Clause[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  let next = Math.max(0, ...earlier.map((clause) => numberOf(clause.clauseId))) + 1;
  return paragraphs.map((paragraph, index) => ({
    clauseId: earlier[index]?.clauseId ?? `c${next++}`,
    text: paragraph,
  }));
}

/** Clauses as a form shows them to be edited: one paragraph each. */
export function textOfClauses(clauses: readonly Clause[]): string {
  return clauses.map((clause) => clause.text).join('\n\n');
}
