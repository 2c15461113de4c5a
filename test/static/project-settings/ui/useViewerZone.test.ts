/** @jest-environment jsdom */
import { renderHook, waitFor } from '@testing-library/react';
import { view } from '@forge/bridge';
import { useViewerZone, zoneOfContext } from '../../../../static/project-settings/src/ui/useViewerZone';

jest.mock('@forge/bridge', () => ({ view: { getContext: jest.fn() } }));

const getContextMock = view.getContext as jest.MockedFunction<typeof view.getContext>;
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

beforeEach(() => getContextMock.mockReset());

describe("the viewer's time zone", () => {
  it('reads the zone of the host context, and none from anything else', () => {
    expect(zoneOfContext({ timezone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(zoneOfContext({ timezone: 9 })).toBeNull();
    expect(zoneOfContext(null)).toBeNull();
    expect(zoneOfContext('Asia/Tokyo')).toBeNull();
  });

  it("uses the viewer's Jira zone once the host context arrives", async () => {
    const zone = browserZone === 'Asia/Tokyo' ? 'Europe/Madrid' : 'Asia/Tokyo';
    getContextMock.mockResolvedValue({ timezone: zone } as never);
    const { result } = renderHook(() => useViewerZone());
    expect(result.current).toBe(browserZone);
    await waitFor(() => expect(result.current).toBe(zone));
  });

  it("keeps the browser's zone outside a host or for a zone it does not know", async () => {
    getContextMock.mockRejectedValueOnce(new Error('no host'));
    const outside = renderHook(() => useViewerZone());
    getContextMock.mockResolvedValueOnce({ timezone: 'Not/AZone' } as never);
    const unknown = renderHook(() => useViewerZone());
    await waitFor(() => expect(getContextMock).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(outside.result.current).toBe(browserZone);
    expect(unknown.result.current).toBe(browserZone);
  });
});
