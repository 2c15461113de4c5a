import { progressLine } from '../../src/cli/progress';

describe('a progress line', () => {
  it('draws the bar, the count, the percentage and the time left at the pace so far', () => {
    expect(progressLine('Reading', 120, 480, 30_000, 8)).toBe('Reading [##------] 120/480 25% ETA 1:30');
  });

  it('shows hours past the hour, and an unknown ETA before the first item', () => {
    expect(progressLine('Reading', 1, 4000, 1_000, 4)).toBe('Reading [----] 1/4000 0% ETA 1:06:39');
    expect(progressLine('Reading', 0, 10, 5_000, 4)).toBe('Reading [----] 0/10 0% ETA ?');
  });

  it('is a plain count without a known total, and never overfills the bar', () => {
    expect(progressLine('Reading', 7, null, 1_000)).toBe('Reading 7');
    expect(progressLine('Reading', 7, 0, 1_000)).toBe('Reading 7');
    expect(progressLine('Reading', 12, 10, 1_000, 4)).toBe('Reading [####] 12/10 100% ETA 0:00');
  });
});
