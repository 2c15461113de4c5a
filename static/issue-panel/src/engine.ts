/**
 * The panel's one door to the business-time engine: compiles the calendars the resolver sent
 * (holidays already materialised) with the browser entry of the core engine, so the countdown
 * ticks with exactly the arithmetic the backend uses.
 */
import { compileCalendar, type BusinessCalendar, type CalendarSpec } from '@core/browser';

export type CalendarCompiler = (spec: CalendarSpec) => BusinessCalendar | null;

/**
 * A spec the engine rejects yields null: that card shows the server's snapshot without ticking
 * (still correct, just not live between refreshes).
 */
export const compileForBrowser: CalendarCompiler = (spec) => {
  const compiled = compileCalendar(spec);
  return compiled.ok ? compiled.value : null;
};

/** Compiles each calendar once; a calendar that fails to compile is left out (the card stops ticking, nothing breaks). */
export function compileCalendars(specs: CalendarSpec[], compile: CalendarCompiler = compileForBrowser): Map<string, BusinessCalendar> {
  const out = new Map<string, BusinessCalendar>();
  for (const spec of specs) {
    const cal = compile(spec);
    if (cal) out.set(spec.id, cal);
  }
  return out;
}
