import fc from 'fast-check';
import { csvField, parseCsv, toCsv } from '../../../src/core/report';

describe('toCsv', () => {
  it('starts with a UTF-8 byte order mark and ends every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('quotes fields holding a comma, quote, CR or LF and doubles the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('plain text é ✓')).toBe('plain text é ✓');
  });

  it('writes null as an empty field and numbers as they are', () => {
    expect(toCsv(['n', 'x'], [[null, 12.5]], { bom: false })).toBe('n,x\r\n,12.5\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });

  it('round-trips any table of text through parseCsv', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', 'é', 'x') }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(fc.property(fc.array(fc.array(text, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
      expect(parseCsv(toCsv(['h1', 'h2'], rows))).toEqual([['h1', 'h2'], ...rows]);
    }), { numRuns: 200 });
  });
});
