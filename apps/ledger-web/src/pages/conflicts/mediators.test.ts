import { describe, expect, it } from 'vitest';
import { mediatorsOf } from './mediators';

describe('the mediators of the directory', () => {
  const mediators = mediatorsOf([
    { personId: 'bruno', displayName: 'Bruno Achard' },
    { personId: 'claire-mediator', displayName: 'Claire Dubois' },
  ]);

  it('offers them by name, in the order the ledger gives', () =>
    expect(mediators.choices).toEqual([
      { value: 'bruno', label: 'Bruno Achard' },
      { value: 'claire-mediator', label: 'Claire Dubois' },
    ]));

  it('names a mediator by id, and falls back to the id for one it does not list', () => {
    expect(mediators.name('claire-mediator')).toBe('Claire Dubois');
    expect(mediators.name('former-mediator')).toBe('former-mediator');
  });
});
