/** Public API of "explain this SLA": where every millisecond of each cycle went. */
export { explainSla } from './explain';
export { holidayNameAt } from './holidayNames';
export * from './types';
