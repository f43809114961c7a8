import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

/** The names of the values an ICU message takes, nested plurals and selects included. */
function argumentsOf(elements: readonly MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        return [element.value];
      case TYPE.plural:
      case TYPE.select:
        return [
          element.value,
          ...Object.values(element.options).flatMap((option) => argumentsOf(option.value)),
        ];
      case TYPE.tag:
        return argumentsOf(element.children);
      case TYPE.literal:
      case TYPE.pound:
        return [];
    }
  });
}

const signature = (message: string) => [...new Set(argumentsOf(parse(message)))].sort();

describe('message catalogues', () => {
  it('have the same keys in French and in English', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s is a valid ICU message taking the same values in both', (key) => {
    const english = (en as Record<string, string>)[key] ?? '';
    const french = (fr as Record<string, string>)[key] ?? '';
    expect(english.trim()).not.toBe('');
    expect(french.trim()).not.toBe('');
    expect(signature(french)).toEqual(signature(english));
  });
});
