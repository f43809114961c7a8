import { diffWords } from 'diff';

export interface Clause {
  readonly clauseId: string;
  readonly text: string;
}

export type WordChange = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

export type ClauseChange =
  | { readonly kind: 'added'; readonly clauseId: string; readonly text: string }
  | { readonly kind: 'removed'; readonly clauseId: string; readonly text: string }
  | { readonly kind: 'unchanged'; readonly clauseId: string; readonly text: string }
  | { readonly kind: 'changed'; readonly clauseId: string; readonly words: readonly WordChange[] };

/**
 * What changed from one version of an agreement's terms to the next, clause by clause (matched by
 * id, in the new version's order, removed clauses last), and word by word inside a clause.
 */
export function diffTerms(before: readonly Clause[], after: readonly Clause[]): ClauseChange[] {
  const earlier = new Map(before.map((clause) => [clause.clauseId, clause.text]));
  const later = new Set(after.map((clause) => clause.clauseId));
  const changes: ClauseChange[] = after.map(({ clauseId, text }) => {
    const previous = earlier.get(clauseId);
    if (previous === undefined) return { kind: 'added', clauseId, text };
    if (previous === text) return { kind: 'unchanged', clauseId, text };
    return {
      kind: 'changed',
      clauseId,
      words: diffWords(previous, text).map((part) => ({
        kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
        text: part.value,
      })),
    };
  });
  for (const { clauseId, text } of before) {
    if (!later.has(clauseId)) changes.push({ kind: 'removed', clauseId, text });
  }
  return changes;
}
