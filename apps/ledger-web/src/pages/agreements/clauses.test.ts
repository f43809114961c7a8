import { describe, expect, it } from 'vitest';
import { clausesOfText, textOfClauses } from './clauses';

describe('terms written as paragraphs', () => {
  it('are one clause per paragraph, numbered from c1, blank lines and margins ignored', () => {
    expect(clausesOfText('  The hall is lent.\n\n\n  Keys at the desk.  \n \n')).toEqual([
      { clauseId: 'c1', text: 'The hall is lent.' },
      { clauseId: 'c2', text: 'Keys at the desk.' },
    ]);
  });

  it('keep a line break inside a paragraph', () => {
    expect(clausesOfText('Wednesdays\nfrom 2 pm')).toEqual([
      { clauseId: 'c1', text: 'Wednesdays\nfrom 2 pm' },
    ]);
  });

  it('keep the earlier ids in order when amended, and number new clauses after the highest', () => {
    const earlier = [
      { clauseId: 'c1', text: 'The hall is lent.' },
      { clauseId: 'c4', text: 'Keys at the desk.' },
    ];
    expect(clausesOfText('The hall is lent on Wednesdays.\n\nKeys.\n\nNo noise.', earlier)).toEqual(
      [
        { clauseId: 'c1', text: 'The hall is lent on Wednesdays.' },
        { clauseId: 'c4', text: 'Keys.' },
        { clauseId: 'c5', text: 'No noise.' },
      ],
    );
  });

  it('read back as the text they came from', () => {
    const text = 'The hall is lent.\n\nKeys at the desk.';
    expect(textOfClauses(clausesOfText(text))).toBe(text);
  });
});
