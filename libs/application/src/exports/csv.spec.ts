import { csvCell, csvRecord } from './csv';

describe('CSV (RFC 4180)', () => {
  it('writes plain text, numbers, booleans and empty cells as they are', () =>
    expect(csvRecord(['tutoring', 40, 0.25, true, null, -3])).toBe(
      'tutoring,40,0.25,true,,-3\r\n',
    ));

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('Hall, Wednesdays')).toBe('"Hall, Wednesdays"');
    expect(csvCell('The "big" hall')).toBe('"The ""big"" hall"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=1')).toBe('a=1');
  });
});
