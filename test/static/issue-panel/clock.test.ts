/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { clockOffset, useNow } from '../../../static/issue-panel/src/clock';

describe('the skew-corrected clock', () => {
  it('measures how far the browser clock is behind or ahead of the server', () => {
    expect(clockOffset(10_000, 7_000)).toBe(3_000);
    expect(clockOffset(7_000, 10_000)).toBe(-3_000);
  });

  it('trusts the browser clock when the server time is missing', () => {
    expect(clockOffset(Number.NaN, 7_000)).toBe(0);
    expect(clockOffset(Number.POSITIVE_INFINITY, 7_000)).toBe(0);
  });

  it('moves on every interval with the offset applied, and stops when unmounted', () => {
    jest.useFakeTimers();
    let browser = 1_000;
    const read = () => browser;
    const { result, unmount } = renderHook(() => useNow(500, 1000, read));
    expect(result.current).toBe(1_500);
    browser = 2_000;
    act(() => { jest.advanceTimersByTime(1000); });
    expect(result.current).toBe(2_500);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
    jest.useRealTimers();
  });

  it('applies a new offset at once when a response measures one', () => {
    const read = () => 1_000;
    const { result, rerender } = renderHook(({ offset }) => useNow(offset, 1000, read), { initialProps: { offset: 0 } });
    expect(result.current).toBe(1_000);
    rerender({ offset: -200 });
    expect(result.current).toBe(800);
  });
});
