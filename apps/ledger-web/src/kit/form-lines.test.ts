import { describe, expect, it } from 'vitest';
import { idFromName, textLines } from './form-lines';

const formOf = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
};

describe('textLines', () => {
  it('answers one item a line, trimmed, without the empty lines', () => {
    expect(textLines(formOf({ list: ' Les Tilleuls \n\n  La Source\r\n' }), 'list')).toEqual([
      'Les Tilleuls',
      'La Source',
    ]);
  });

  it('answers no item for an empty or absent field', () => {
    expect(textLines(formOf({ list: ' \n ' }), 'list')).toEqual([]);
    expect(textLines(formOf({}), 'list')).toEqual([]);
  });
});

describe('idFromName', () => {
  it('makes a ledger id of a name: no accents, lower case, hyphens', () => {
    expect(idFromName('Association « SOS Jeunes » — Édition 2026')).toBe(
      'association-sos-jeunes-edition-2026',
    );
  });

  it('answers nothing for a name with no letter or digit, so the ledger asks for one', () => {
    expect(idFromName(' — ')).toBe('');
  });

  it('keeps ids short, never ending on a hyphen', () => {
    const id = idFromName(`${'a'.repeat(59)} b`);
    expect(id).toBe('a'.repeat(59));
  });
});
