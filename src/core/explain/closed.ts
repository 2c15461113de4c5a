/**
 * Why a calendar was closed: splits a span into counted time, maintenance (exclusion windows),
 * holidays and outside hours. Each closed kind is found by compiling the same calendar with less
 * removed (no exclusions; then no exclusions and no holidays): time open in the lighter calendar but
 * closed in the real one was closed by what the lighter one leaves out. Exclusions are checked first,
 * matching the order in which the engine applies them last.
 */
import { compileCalendar } from '../calendar';
import type { BusinessCalendar, CalendarSpec } from '../calendar/types';
import type { Instant } from '../time';
import { fromLocal, MS_PER_DAY, toLocal, zoneOf } from '../time';
import { holidayNameAt } from './holidayNames';
import type { ExplainPart } from './types';

type Span = readonly [Instant, Instant];

/** The spec with exclusions (and optionally holidays) removed at every level of a composite. */
function lighter(spec: CalendarSpec, dropHolidays: boolean): CalendarSpec {
  const { exclusions: _x, ...rest } = spec;
  if (rest.kind === 'weekly' && dropHolidays) {
    const { holidays: _h, ...weekly } = rest;
    return weekly;
  }
  if (rest.kind === 'union' || rest.kind === 'intersection') return { ...rest, members: rest.members.map((m) => lighter(m, dropHolidays)) };
  return rest;
}

function compileOr(spec: CalendarSpec, fallback: BusinessCalendar): BusinessCalendar {
  const result = compileCalendar(spec);
  return result.ok ? result.value : fallback;
}

/** Splits [from, to) into the calendar's open windows and the gaps between them. */
function openAndClosed(cal: BusinessCalendar, from: Instant, to: Instant): { open: Span[]; closed: Span[] } {
  const open: Span[] = [];
  const closed: Span[] = [];
  let cursor = from;
  for (const w of cal.openWindows(from, to)) {
    if (w.start > cursor) closed.push([cursor, w.start]);
    open.push([w.start, w.end]);
    cursor = w.end;
  }
  if (cursor < to) closed.push([cursor, to]);
  return { open, closed };
}

export class ClosedTimeLens {
  private readonly noExclusions: BusinessCalendar;
  private readonly noHolidays: BusinessCalendar;

  constructor(private readonly cal: BusinessCalendar) {
    this.noExclusions = compileOr(lighter(cal.spec, false), cal);
    this.noHolidays = compileOr(lighter(cal.spec, true), cal);
  }

  /** Parts covering [from, to) exactly, in order. */
  split(from: Instant, to: Instant): ExplainPart[] {
    const { open, closed } = openAndClosed(this.cal, from, to);
    const parts: ExplainPart[] = open.map(([a, b]) => ({ kind: 'counted', from: a, to: b }));
    for (const [a, b] of closed) parts.push(...this.closedParts(a, b));
    return parts.sort((x, y) => x.from - y.from);
  }

  private closedParts(from: Instant, to: Instant): ExplainPart[] {
    const id = this.cal.id;
    const byExclusion = openAndClosed(this.noExclusions, from, to);
    const parts: ExplainPart[] = byExclusion.open.flatMap(([a, b]) => this.maintenance(a, b));
    for (const [a, b] of byExclusion.closed) {
      const byHoliday = openAndClosed(this.noHolidays, a, b);
      for (const [h0, h1] of byHoliday.open) parts.push(...this.holidays(h0, h1));
      for (const [c0, c1] of byHoliday.closed) parts.push({ kind: 'outsideHours', from: c0, to: c1, calendarId: id, calendarName: this.cal.name });
    }
    return parts;
  }

  /** One part per exclusion window met along the way (overlapping windows: the one the engine reports). */
  private maintenance(from: Instant, to: Instant): ExplainPart[] {
    const parts: ExplainPart[] = [];
    let cursor = from;
    while (cursor < to) {
      const window = this.cal.exclusionAt(cursor);
      const windowEnd = window ? Date.parse(window.end) : Number.NaN;
      const end = Number.isFinite(windowEnd) && windowEnd > cursor ? Math.min(windowEnd, to) : to;
      parts.push({ kind: 'maintenance', from: cursor, to: end, calendarId: this.cal.id, reason: window?.reason ?? 'exclusion window' });
      cursor = end;
    }
    return parts;
  }

  /** Holiday time cut at local midnights, so two holidays in a row are each named. */
  private holidays(from: Instant, to: Instant): ExplainPart[] {
    const parts: ExplainPart[] = [];
    let cursor = from;
    while (cursor < to) {
      const end = Math.min(to, nextLocalMidnight(this.cal.timeZone, cursor));
      parts.push({ kind: 'holiday', from: cursor, to: end, calendarId: this.cal.id, holiday: holidayNameAt(this.cal.spec, cursor) ?? 'holiday' });
      cursor = end;
    }
    return parts;
  }
}

/** The first local midnight strictly after `at` in the zone (UTC for an unknown zone). */
function nextLocalMidnight(timeZone: string, at: Instant): Instant {
  const zone = zoneOf(timeZone) ?? zoneOf('UTC');
  if (!zone) return at + MS_PER_DAY;
  const local = toLocal(zone, at);
  const next = fromLocal(zone, (Math.floor(local / MS_PER_DAY) + 1) * MS_PER_DAY);
  return next > at ? next : at + MS_PER_DAY;
}
