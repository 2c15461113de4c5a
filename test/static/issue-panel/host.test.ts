import { events, router, view } from '@forge/bridge';
import { loadContext, onIssueChanged, openSettings, parseContext, SETTINGS_MODULE_KEY } from '../../../static/issue-panel/src/host';

jest.mock('@forge/bridge', () => ({
  events: { on: jest.fn() },
  router: { open: jest.fn() },
  view: { getContext: jest.fn() },
}));

const onMock = events.on as jest.MockedFunction<typeof events.on>;
const openMock = router.open as jest.MockedFunction<typeof router.open>;
const getContextMock = view.getContext as jest.MockedFunction<typeof view.getContext>;
const flush = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  onMock.mockReset();
  openMock.mockReset();
  getContextMock.mockReset();
});

describe('the issue context from the host', () => {
  it('reads the issue id, project key and viewer zone, accepting a numeric issue id', () => {
    const raw = { timezone: 'Europe/Madrid', extension: { issue: { id: 10001 }, project: { key: 'SUP' } } };
    expect(parseContext(raw)).toEqual({ issueId: '10001', projectKey: 'SUP', timeZone: 'Europe/Madrid', raw });
  });

  it.each([null, 'text', {}, { extension: { issue: { id: '' }, project: { key: 7 } }, timezone: 3 }, { extension: { issue: { id: Number.NaN } } }])(
    'reads %j as a context without an issue, project or zone',
    (raw) => {
      expect(parseContext(raw)).toEqual({ issueId: null, projectKey: null, timeZone: null, raw });
    },
  );

  it('loads the context from the bridge, and an empty context when the bridge fails', async () => {
    getContextMock.mockResolvedValueOnce({ extension: { issue: { id: '5' } } } as never);
    expect((await loadContext()).issueId).toBe('5');
    getContextMock.mockRejectedValueOnce(new Error('no host'));
    expect(await loadContext()).toEqual({ issueId: null, projectKey: null, timeZone: null, raw: null });
  });
});

describe('issue change events', () => {
  function subscribe(issueId: string) {
    const unsubscribe = jest.fn();
    onMock.mockResolvedValue({ unsubscribe } as never);
    const callback = jest.fn();
    const stop = onIssueChanged(issueId, callback);
    const handler = onMock.mock.calls[0]?.[1] as (payload?: unknown) => void;
    return { unsubscribe, callback, stop, handler };
  }

  it('calls back for this issue and for events that name no issue, not for other issues', () => {
    const { callback, handler } = subscribe('10001');
    expect(onMock.mock.calls[0]?.[0]).toBe('JIRA_ISSUE_CHANGED');
    handler({ issueId: '10001' });
    handler({ issueId: 10001 });
    handler(undefined);
    handler({ issueId: '10002' });
    expect(callback).toHaveBeenCalledTimes(3);
  });

  it('unsubscribes once the subscription is in place', async () => {
    const { unsubscribe, stop } = subscribe('1');
    await flush();
    stop();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('unsubscribes as soon as the subscription arrives when stopped before it did', async () => {
    const { unsubscribe, stop } = subscribe('1');
    stop();
    expect(unsubscribe).not.toHaveBeenCalled();
    await flush();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('handles the refusal of a host without the event, leaving no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    onMock.mockRejectedValue(new Error('unsupported'));
    onIssueChanged('1', jest.fn())();
    await flush();
    await flush();
    process.off('unhandledRejection', listener);
    expect(unhandled).toEqual([]);
  });
});

describe('opening the settings page', () => {
  it('opens the app settings module of the project', async () => {
    openMock.mockResolvedValue(undefined as never);
    await expect(openSettings('SUP')).resolves.toBe(true);
    expect(openMock).toHaveBeenCalledWith({ target: 'module', moduleKey: SETTINGS_MODULE_KEY, projectKey: 'SUP' });
  });

  it("falls back to Jira's project settings, and reports false when both fail or there is no project", async () => {
    openMock.mockRejectedValueOnce(new Error('no module')).mockResolvedValueOnce(undefined as never);
    await expect(openSettings('SUP')).resolves.toBe(true);
    expect(openMock).toHaveBeenLastCalledWith({ target: 'projectSettingsDetails', projectKey: 'SUP' });
    openMock.mockRejectedValue(new Error('refused'));
    await expect(openSettings('SUP')).resolves.toBe(false);
    openMock.mockClear();
    await expect(openSettings(null)).resolves.toBe(false);
    expect(openMock).not.toHaveBeenCalled();
  });
});
