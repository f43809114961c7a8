import type { Cell } from './export-columns';
import { amountOf, csvField, csvRecord, csvText, plainDecimal, spreadsheetInstant } from './csv';

const text = (value: string): Cell => ({ kind: 'text', value });

describe('CSV', () => {
  describe('for programs (RFC 4180)', () => {
    it('writes text, numbers, booleans and empty cells as the JSON API has them', () =>
      expect(
        csvRecord(
          [
            text('tutoring'),
            { kind: 'integer', value: 40 },
            { kind: 'decimal', value: 0.25 },
            { kind: 'boolean', value: true },
            null,
            { kind: 'integer', value: -3 },
            { kind: 'money', value: { cents: 123450, currency: 'EUR' } },
            { kind: 'date', value: '2026-03-07' },
            { kind: 'instant', value: '2026-03-02T17:40:12.345Z' },
          ].map((cell) => csvField(cell as Cell | null, 'rfc4180')),
          'rfc4180',
        ),
      ).toBe('tutoring,40,0.25,true,,-3,123450,2026-03-07,2026-03-02T17:40:12.345Z\r\n'));

    it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
      expect(csvText('Hall, Wednesdays', 'rfc4180')).toBe('"Hall, Wednesdays"');
      expect(csvText('The "big" hall', 'rfc4180')).toBe('"The ""big"" hall"');
      expect(csvText('line one\nline two', 'rfc4180')).toBe('"line one\nline two"');
      expect(csvText('a\r\nb', 'rfc4180')).toBe('"a\r\nb"');
      expect(csvText('a;b', 'rfc4180')).toBe('a;b');
    });
  });

  describe('for spreadsheets in French (excel-fr)', () => {
    const field = (cell: Cell) => csvField(cell, 'excel-fr');

    it('separates with semicolons, and quotes what holds one (not what holds a comma)', () => {
      expect(csvRecord(['a', 'b'], 'excel-fr')).toBe('a;b\r\n');
      expect(csvText('Hall; first floor', 'excel-fr')).toBe('"Hall; first floor"');
      expect(csvText('Hall, first floor', 'excel-fr')).toBe('Hall, first floor');
      expect(csvText('The "big" hall', 'excel-fr')).toBe('"The ""big"" hall"');
      expect(csvText('line one\nline two', 'excel-fr')).toBe('"line one\nline two"');
    });

    it('writes amounts in currency units and decimals with a decimal comma', () => {
      expect(field({ kind: 'money', value: { cents: 123450, currency: 'EUR' } })).toBe('1234,50');
      expect(field({ kind: 'money', value: { cents: -5, currency: 'EUR' } })).toBe('-0,05');
      expect(field({ kind: 'decimal', value: 12.5 })).toBe('12,5');
      expect(field({ kind: 'integer', value: 40 })).toBe('40');
    });

    it('writes booleans as French Excel spells them, instants as it reads them', () => {
      expect(field({ kind: 'boolean', value: true })).toBe('VRAI');
      expect(field({ kind: 'boolean', value: false })).toBe('FAUX');
      expect(field({ kind: 'date', value: '2026-03-07' })).toBe('2026-03-07');
      expect(field({ kind: 'instant', value: '2026-03-02T17:40:12.345Z' })).toBe(
        '2026-03-02 17:40:12',
      );
    });
  });

  it('defuses text a spreadsheet would run as a formula, in both dialects', () => {
    for (const dialect of ['rfc4180', 'excel-fr'] as const) {
      expect(csvText('=HYPERLINK("http://evil")', dialect)).toBe('"\'=HYPERLINK(""http://evil"")"');
      expect(csvText('+1', dialect)).toBe("'+1");
      expect(csvText('-1+2', dialect)).toBe("'-1+2");
      expect(csvText('@SUM(A1)', dialect)).toBe("'@SUM(A1)");
      expect(csvText('\t=1', dialect)).toBe("'\t=1");
      expect(csvText('a=1', dialect)).toBe('a=1');
    }
  });

  it('turns cents into an exact amount, whatever their size', () => {
    expect(amountOf({ cents: 0, currency: 'EUR' })).toBe('0.00');
    expect(amountOf({ cents: 7, currency: 'EUR' })).toBe('0.07');
    expect(amountOf({ cents: 900719925474099, currency: 'EUR' })).toBe('9007199254740.99');
  });

  it('writes decimals in full, never in exponent form', () => {
    expect(plainDecimal(0.1)).toBe('0.1');
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(1e21)).toBe('1000000000000000000000');
    expect(plainDecimal(-2.5e-8)).toBe('-0.000000025');
  });

  it('leaves an instant it does not recognise as it is', () =>
    expect(spreadsheetInstant('not an instant')).toBe('not an instant'));
});
