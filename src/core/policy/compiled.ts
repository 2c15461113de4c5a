/** The validated form of a policy: what evaluate() consumes. */
import type { BusinessCalendar, CalendarErrorCode } from '../calendar/types';
import type { PolicyErrorCode, PolicySpec } from './types';

export interface PolicyError {
  code: PolicyErrorCode | CalendarErrorCode;
  /** JSON path of the offending value, e.g. "metrics[0].goals[2].target" or "calendars[1].week.mon[0].end". */
  path: string;
  message: string;
}

/**
 * A policy whose calendars are compiled once, so evaluating many issues never recompiles them.
 * Immutable by convention: the spec is frozen by validatePolicy.
 */
export interface CompiledPolicy {
  readonly spec: PolicySpec;
  readonly calendars: ReadonlyMap<string, BusinessCalendar>;
}
