/**
 * CSV as RFC 4180 writes it: CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF,
 * quotes doubled inside. An optional UTF-8 byte order mark makes Excel read accents correctly.
 */

const NEEDS_QUOTES = /[",\r\n]/;

function field(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * @example toCsv([['a', 'b,c']]) // 'a,"b,c"\r\n'
 */
export function toCsv(rows: string[][], opts: { bom?: boolean } = {}): string {
  const body = rows.map((row) => `${row.map(field).join(',')}\r\n`).join('');
  return opts.bom === true ? `\uFEFF${body}` : body;
}
