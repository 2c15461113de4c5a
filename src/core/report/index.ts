/** Public API of report documents: RFC 4180 CSV and the report tables written with it. */
export { toCsv, csvField, parseCsv, type Cell } from './csv';
export { formatInstant, formatDuration } from './format';
export * from './rows';
