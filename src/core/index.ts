/**
 * The public API of the pure SLA engine: calendars, policies, evaluation, compliance, explanations,
 * reports, Result and time helpers. Nothing here touches the platform, the clock or the network.
 * Code outside the core imports only this file (as `@core`) or the browser entry (`@core/browser`).
 */
export * from './calendar';
export * from './policy';
export * from './evaluate';
export * from './compliance';
export * from './result';
export * from './explain';
export * from './report';
export * from './time';
export * from './json';
export * from './analysis/coverage';
// Backtest's own formatInstant (table layout) stays internal; report's is the public one.
export * from './backtest/compare';
export { formatBacktestTable, comparisonCsvRows, changedCsvRows } from './backtest/table';
