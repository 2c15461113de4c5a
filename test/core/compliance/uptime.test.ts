import { computeUptime } from '../../../src/core/compliance';
import { at, HOUR } from '../evaluate/builders';

describe('computeUptime', () => {
  const may = at('2026-05-01T00:00:00Z');
  const june = at('2026-06-01T00:00:00Z');

  it('grants 7 credit days below 99.9% and 14 below 99%', () => {
    expect(computeUptime([], may, june)).toMatchObject({ uptimePercent: 100, creditDays: 0 });
    expect(computeUptime([{ start: may, end: may + HOUR }], may, june)).toMatchObject({ uptimePercent: 99.866, creditDays: 7 });
    expect(computeUptime([{ start: may, end: may + 8 * HOUR }], may, june)).toMatchObject({ uptimePercent: 98.925, creditDays: 14 });
  });

  it('counts overlapping outages once and cuts outages at the month edges', () => {
    const r = computeUptime([
      { start: may - HOUR, end: may + HOUR },
      { start: may + HOUR / 2, end: may + 2 * HOUR },
      { start: june - HOUR, end: june + 5 * HOUR },
    ], may, june);
    expect(r.downtimeMs).toBe(3 * HOUR);
  });

  it('uses configurable thresholds', () => {
    expect(computeUptime([{ start: may, end: may + HOUR }], may, june, [{ below: 99.95, creditDays: 3 }]).creditDays).toBe(3);
  });
});
