/** Public API of backtesting: replay histories under two policies, and render the comparison. */
export * from './compare';
export { formatBacktestTable, formatInstant, comparisonCsvRows, changedCsvRows } from './table';
