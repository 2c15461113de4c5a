import { ClosedTimeLens } from '../../../src/core/explain/closed';
import { compileCalendar, type WeeklyCalendarSpec } from '../../../src/core/calendar';
import type { ExplainPart } from '../../../src/core/explain';

const utc = (iso: string) => Date.parse(`${iso}Z`);
/** Mon–Fri 09:00–17:00 UTC; Christmas and Boxing Day off; a maintenance window on Monday 22 Dec. */
const spec: WeeklyCalendarSpec = {
  schemaVersion: 1, kind: 'weekly', id: 'ops', name: 'Ops', timeZone: 'UTC',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  holidays: { custom: [{ name: 'Christmas', date: '2025-12-25' }, { name: 'Boxing Day', date: '2025-12-26' }] },
  exclusions: [{ start: '2025-12-22T10:00Z', end: '2025-12-22T11:00Z', reason: 'upgrade' }],
};
const compiled = compileCalendar(spec);
if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
const lens = new ClosedTimeLens(compiled.value);
const brief = (parts: ExplainPart[]) => parts.map((p) => {
  const what = p.kind === 'holiday' ? p.holiday : p.kind === 'maintenance' ? p.reason : p.kind;
  return `${new Date(p.from).toISOString().slice(8, 16)}–${new Date(p.to).toISOString().slice(8, 16)} ${what}`;
});

describe('why a calendar was closed', () => {
  it('tells counted time from a maintenance window inside opening hours', () => {
    expect(brief(lens.split(utc('2025-12-22T09:00'), utc('2025-12-22T12:00')))).toEqual([
      '22T09:00–22T10:00 counted', '22T10:00–22T11:00 upgrade', '22T11:00–22T12:00 counted',
    ]);
  });

  it('names each holiday in a row separately, cut at local midnight, and calls the night outside hours', () => {
    expect(brief(lens.split(utc('2025-12-24T16:00'), utc('2025-12-27T00:00')))).toEqual([
      '24T16:00–24T17:00 counted', '24T17:00–25T09:00 outsideHours',
      '25T09:00–25T17:00 Christmas', '25T17:00–26T09:00 outsideHours',
      '26T09:00–26T17:00 Boxing Day', '26T17:00–27T00:00 outsideHours',
    ]);
  });

  it('covers the span exactly, in order, with no gap or overlap', () => {
    const from = utc('2025-12-19T12:00');
    const to = utc('2025-12-29T12:00');
    const parts = lens.split(from, to);
    expect(parts[0]?.from).toBe(from);
    expect(parts.at(-1)?.to).toBe(to);
    parts.slice(1).forEach((p, i) => expect(p.from).toBe(parts[i]?.to));
  });

  it('has no parts for an empty span', () => {
    expect(lens.split(utc('2025-12-22T09:00'), utc('2025-12-22T09:00'))).toEqual([]);
  });
});
