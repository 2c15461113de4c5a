/**
 * The calendars of a panel answer, compiled after the first paint rather than before it: compiling
 * projects a year of business hours per calendar, which on a slow device costs more than the rest
 * of the first render. Until then (and for a calendar that fails to compile) cards show the server's
 * snapshot without ticking, which is exact at the time it was calculated.
 */
import { useEffect, useState } from 'react';
import type { BusinessCalendar, CalendarSpec } from '@core/browser';
import { compileCalendars, type CalendarCompiler } from './engine';

const NONE: Map<string, BusinessCalendar> = new Map();

export function useCalendars(specs: CalendarSpec[] | null, compile?: CalendarCompiler): Map<string, BusinessCalendar> {
  const [compiled, setCompiled] = useState<{ specs: CalendarSpec[]; calendars: Map<string, BusinessCalendar> } | null>(null);
  useEffect(() => {
    if (specs) setCompiled({ specs, calendars: compileCalendars(specs, compile) });
  }, [specs, compile]);
  // A refresh brings new specs; the previous compilation serves until theirs is ready (same ids).
  return specs && compiled ? compiled.calendars : NONE;
}
