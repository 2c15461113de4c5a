import { cycleSegments } from '../../../static/issue-panel/src/segments';
import { cycle, H, MONDAY, officeCalendar } from './fixtures';

const kinds = (segs: Array<{ kind: string; from: number; to: number }>) => segs.map((s) => [s.kind, (s.to - s.from) / H]);

describe('cycleSegments', () => {
  it('splits a running cycle into counted time and the open time still ahead until the due instant', () => {
    const segs = cycleSegments(cycle(), MONDAY + 11 * H, officeCalendar());
    expect(kinds(segs)).toEqual([['running', 2], ['upcoming', 2]]);
  });

  it('shows closed hours overnight between counted stretches', () => {
    const c = cycle({ startedAt: MONDAY + 15 * H, dueAt: MONDAY + 24 * H + 11 * H });
    const segs = cycleSegments(c, MONDAY + 24 * H + 10 * H, officeCalendar());
    expect(kinds(segs)).toEqual([['running', 2], ['closed', 16], ['running', 1], ['upcoming', 1]]);
  });

  it('marks a pause by condition even where the calendar was open', () => {
    const c = cycle({ pauses: [{ from: MONDAY + 10 * H, to: MONDAY + 11 * H, condition: 'waiting for customer' }] });
    const segs = cycleSegments(c, MONDAY + 12 * H, officeCalendar());
    expect(kinds(segs)).toEqual([['running', 1], ['paused', 1], ['running', 1], ['upcoming', 1]]);
  });

  it('extends an open pause up to now', () => {
    const c = cycle({ dueAt: null, pauses: [{ from: MONDAY + 10 * H, to: null, condition: 'waiting for customer' }] });
    const segs = cycleSegments(c, MONDAY + 12 * H, officeCalendar());
    expect(kinds(segs)).toEqual([['running', 1], ['paused', 2]]);
  });

  it('ends a stopped cycle at its stop, with nothing ahead', () => {
    const c = cycle({ stoppedAt: MONDAY + 11 * H });
    expect(kinds(cycleSegments(c, MONDAY + 40 * H, officeCalendar()))).toEqual([['running', 2]]);
  });

  it('treats the whole cycle as open when no calendar is available', () => {
    expect(kinds(cycleSegments(cycle({ dueAt: null }), MONDAY + 20 * H, null))).toEqual([['running', 11]]);
  });

  it('draws nothing for a cycle that starts in the future of a skewed clock', () => {
    expect(cycleSegments(cycle({ dueAt: null }), MONDAY, officeCalendar())).toEqual([]);
  });
});
