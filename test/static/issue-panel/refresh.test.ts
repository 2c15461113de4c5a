/** @jest-environment jsdom */
import { renderHook } from '@testing-library/react';
import { events } from '@forge/bridge';
import { PERIODIC_REFRESH_MS, useRefreshTriggers } from '../../../static/issue-panel/src/refresh';

jest.mock('@forge/bridge', () => ({ events: { on: jest.fn() } }));

const onMock = events.on as jest.MockedFunction<typeof events.on>;

beforeEach(() => {
  jest.useFakeTimers();
  onMock.mockReset();
  onMock.mockResolvedValue({ unsubscribe: jest.fn() } as never);
});
afterEach(() => jest.useRealTimers());

describe('when the panel re-reads the SLA', () => {
  it('reloads every minute, on window focus and when Jira reports this issue changed', () => {
    const reload = jest.fn();
    renderHook(() => useRefreshTriggers('10001', reload));
    jest.advanceTimersByTime(PERIODIC_REFRESH_MS);
    window.dispatchEvent(new Event('focus'));
    const handler = onMock.mock.calls[0]?.[1] as (payload?: unknown) => void;
    handler({ issueId: '10001' });
    expect(reload).toHaveBeenCalledTimes(3);
  });

  it('does nothing outside an issue', () => {
    const reload = jest.fn();
    renderHook(() => useRefreshTriggers(null, reload));
    jest.advanceTimersByTime(PERIODIC_REFRESH_MS);
    window.dispatchEvent(new Event('focus'));
    expect(reload).not.toHaveBeenCalled();
    expect(onMock).not.toHaveBeenCalled();
  });

  it('stops every trigger when the panel goes away', () => {
    const reload = jest.fn();
    const { unmount } = renderHook(() => useRefreshTriggers('10001', reload));
    unmount();
    jest.advanceTimersByTime(2 * PERIODIC_REFRESH_MS);
    window.dispatchEvent(new Event('focus'));
    expect(reload).not.toHaveBeenCalled();
  });
});
