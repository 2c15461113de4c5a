/**
 * RFC 4180 CSV: comma-separated, CRLF after every record, fields quoted when they hold a quote,
 * comma, CR or LF, quotes doubled. A UTF-8 byte order mark makes Excel read the file as UTF-8
 * (Google Sheets and RFC readers ignore it).
 */

export type Cell = string | number | null;

const BOM = '\uFEFF';
/** Text a spreadsheet would run as a formula: neutralised with a leading apostrophe (OWASP CSV injection advice). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field. Numbers are written as they are; text that a spreadsheet would evaluate as a formula
 * gets a leading apostrophe, since issue summaries and outage descriptions are user input.
 * @example csvField('say "hi", then') // '"say ""hi"", then"'
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole document: header and rows, CRLF-terminated, with a BOM unless asked not to.
 * @example toCsv(['a', 'b'], [[1, 'x,y']]) // '\uFEFFa,b\r\n1,"x,y"\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], options: { bom?: boolean } = {}): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n');
  return (options.bom === false ? '' : BOM) + lines.join('');
}

/**
 * Parses RFC 4180 text back into records (a BOM is skipped). For tests and imports; lenient about a
 * missing final CRLF and bare LF line ends.
 * @example parseCsv('a,"b,c"\r\n') // [['a', 'b,c']]
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < src.length) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && src[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
