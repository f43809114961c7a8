import { describe, expect, it } from 'vitest';
import { diffTerms } from './terms-diff';

describe('terms diff', () => {
  it('tells added, removed, unchanged and changed clauses apart', () => {
    const changes = diffTerms(
      [
        { clauseId: 'hours', text: 'Open on Wednesdays' },
        { clauseId: 'care', text: 'Leave it tidy' },
        { clauseId: 'old', text: 'Gone soon' },
      ],
      [
        { clauseId: 'hours', text: 'Open on Wednesdays and Saturdays' },
        { clauseId: 'care', text: 'Leave it tidy' },
        { clauseId: 'badges', text: 'Two badges' },
      ],
    );
    expect(changes.map((change) => [change.kind, change.clauseId])).toEqual([
      ['changed', 'hours'],
      ['unchanged', 'care'],
      ['added', 'badges'],
      ['removed', 'old'],
    ]);
    const hours = changes[0];
    const added = hours?.kind === 'changed' ? hours.words.filter((w) => w.kind === 'added') : [];
    expect(added.map((word) => word.text.trim())).toEqual(['and Saturdays']);
    expect(hours?.kind === 'changed' && hours.words.some((w) => w.kind === 'removed')).toBe(false);
  });
});
