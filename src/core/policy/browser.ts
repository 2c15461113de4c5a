/**
 * The policy API for the Custom UIs: everything that does not need holiday data, so the bundles stay
 * free of date-holidays. Validate in the browser with makePolicyValidator(compileCalendar from
 * calendar/browser) on specs whose holidays are materialised.
 */
export { makePolicyValidator, type CalendarCompiler } from './validate';
export { formatPath } from '../json/parse';
export { parseTarget, formatTarget } from './target';
export { selectGoal, goalMatches, calendarIdFor, type FieldValues } from './goals';
export { isStateCondition, describeCondition } from './conditions';
export type { CompiledPolicy, PolicyError } from './compiled';
export * from './types';
