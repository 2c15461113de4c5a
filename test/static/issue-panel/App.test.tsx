/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { act, render, screen, within } from '@testing-library/react';
import { invoke, events, router } from '@forge/bridge';
import { App } from '../../../static/issue-panel/src/App';
import { parseContext } from '../../../static/issue-panel/src/host';
import type { AgentPanelData } from '@contract';
import { cycle, H, M, metric, MONDAY, officeCalendar, officeSpec, snapshot } from './fixtures';

jest.mock('@forge/bridge', () => ({
  invoke: jest.fn(),
  events: { on: jest.fn() },
  router: { open: jest.fn() },
  view: { getContext: jest.fn(), theme: { enable: jest.fn() } },
}));

const invokeMock = invoke as jest.MockedFunction<typeof invoke>;
const onMock = events.on as jest.MockedFunction<typeof events.on>;
const context = parseContext({ timezone: 'UTC', extension: { issue: { id: '10001', key: 'SUP-1' }, project: { id: '100', key: 'SUP' } } });
const compile = () => officeCalendar();

function panelData(over: Partial<AgentPanelData> = {}): AgentPanelData {
  return {
    view: 'agent', configured: true, projectId: '100', snapshot: snapshot([metric()]), calendars: [officeSpec],
    warnings: { resolution: [{ kind: 'percent', percent: 75 }] }, serverNow: MONDAY + 10 * H, actionFailures: [], ...over,
  };
}

async function renderWith(data: AgentPanelData) {
  invokeMock.mockResolvedValue({ ok: true, data });
  render(<App context={context} compile={compile} />);
  return screen.findByTestId('sla-metric-resolution');
}

beforeEach(() => {
  jest.useFakeTimers({ now: MONDAY + 10 * H });
  invokeMock.mockReset();
  onMock.mockReset();
  onMock.mockResolvedValue({ unsubscribe: jest.fn() });
});

afterEach(() => jest.useRealTimers());

describe('the issue panel', () => {
  it('asks the resolver for the SLA of the issue in the host context', async () => {
    await renderWith(panelData());
    expect(invokeMock).toHaveBeenCalledWith('panel.getSla', { issueId: '10001' });
  });

  it('shows the metric with its goal in words, state, countdown, progress and due time', async () => {
    const card = await renderWith(panelData());
    expect(within(card).getByRole('heading', { name: 'Time to resolution' })).toBeInTheDocument();
    expect(within(card).getByTestId('sla-goal-resolution')).toHaveTextContent('High — 4 h, Office hours');
    expect(within(card).getByTestId('sla-state-resolution')).toHaveTextContent('Running');
    expect(within(card).getByRole('timer')).toHaveTextContent('3 h 0 m left');
    expect(within(card).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    expect(within(card).getByTestId('sla-due-resolution')).toHaveTextContent('Due Mon 23 Nov, 13:00');
  });

  it('ticks the countdown every second in business time', async () => {
    // The periodic refreshes meanwhile return the same snapshot, with a server clock that moves on.
    invokeMock.mockImplementation(async () => ({ ok: true, data: panelData({ serverNow: Date.now() }) }));
    render(<App context={context} compile={compile} />);
    const card = await screen.findByTestId('sla-metric-resolution');
    await act(async () => { jest.advanceTimersByTime(2 * H + 59 * M); });
    await act(async () => { jest.advanceTimersByTime(50_000); });
    expect(within(card).getByRole('timer')).toHaveTextContent('10 s left');
    expect(within(card).getByRole('progressbar')).toHaveAttribute('data-appearance', 'warning');
  });

  it('says breached by how much once the goal is used up', async () => {
    const card = await renderWith(panelData({ serverNow: MONDAY + 15 * H + 10 * M }));
    expect(within(card).getByTestId('sla-state-resolution')).toHaveTextContent('Breached');
    expect(within(card).getByRole('timer')).toHaveTextContent('Breached by 2 h 10 m');
    expect(within(card).getByTestId('sla-due-resolution')).toHaveTextContent('Was due');
  });

  it('corrects for a browser clock that is off, using the server time', async () => {
    // The browser thinks it is 10:00, the server says 12:00: two business hours have passed.
    const card = await renderWith(panelData({ serverNow: MONDAY + 12 * H }));
    expect(within(card).getByRole('timer')).toHaveTextContent('1 h 0 m left');
  });

  it('freezes after hours and says when the clock resumes', async () => {
    const card = await renderWith(panelData({ serverNow: MONDAY + 20 * H, snapshot: snapshot([metric({ current: cycle({ dueAt: MONDAY + 24 * H + 12 * H }) })]) }));
    expect(within(card).getByRole('timer')).toHaveTextContent('outside business hours — resumes Tue 09:00');
    expect(within(card).getByRole('timer')).toHaveAttribute('data-ticking', 'false');
  });

  it('names the condition that paused the clock', async () => {
    const paused = metric({ state: 'paused', pauseReason: { kind: 'condition', condition: 'inStatus', label: 'waiting for customer' } });
    const card = await renderWith(panelData({ snapshot: snapshot([paused]) }));
    expect(within(card).getByTestId('sla-state-resolution')).toHaveTextContent('Paused');
    expect(within(card).getByRole('timer')).toHaveTextContent('paused: waiting for customer');
  });

  it('lists completed cycles', async () => {
    const first = cycle({ stoppedAt: MONDAY + 10 * H, met: true, elapsedMs: 80 * M });
    const current = cycle({ startedAt: MONDAY + 11 * H });
    const card = await renderWith(panelData({ snapshot: snapshot([metric({ current, cycles: [first, current] })]) }));
    expect(within(card).getByTestId('sla-cycles-resolution')).toHaveTextContent('Completed cycles (1)');
    expect(within(card).getByTestId('sla-cycles-resolution')).toHaveTextContent('Met · 1 h 20 m of 4 h');
  });

  it('draws the timeline of the current cycle', async () => {
    const card = await renderWith(panelData());
    const timeline = within(card).getByTestId('sla-timeline-resolution');
    expect(within(timeline).getByRole('img')).toHaveAccessibleName('Current cycle: 1 h counting, 3 h still ahead');
  });

  it('explains an unconfigured project and offers the settings page', async () => {
    invokeMock.mockResolvedValue({ ok: true, data: panelData({ configured: false, snapshot: null, calendars: [] }) });
    render(<App context={context} compile={compile} />);
    expect(await screen.findByTestId('sla-not-configured')).toHaveTextContent('SLA Clock is not set up for this project');
    await act(async () => { screen.getByRole('button', { name: 'Open SLA settings' }).click(); });
    expect(router.open).toHaveBeenCalledWith(expect.objectContaining({ projectKey: 'SUP' }));
  });

  it('shows an error with its code and recovers on retry', async () => {
    invokeMock.mockResolvedValueOnce({ ok: false, error: { code: 'RATE_LIMITED', message: 'Jira is busy, try again in a moment.' } });
    render(<App context={context} compile={compile} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Jira is busy');
    invokeMock.mockResolvedValue({ ok: true, data: panelData() });
    await act(async () => { screen.getByRole('button', { name: 'Try again' }).click(); });
    expect(await screen.findByTestId('sla-metric-resolution')).toBeInTheDocument();
  });

  it('says when no metric applies to the issue', async () => {
    invokeMock.mockResolvedValue({ ok: true, data: panelData({ snapshot: snapshot([]) }) });
    render(<App context={context} compile={compile} />);
    expect(await screen.findByTestId('sla-empty')).toHaveTextContent('No SLAs for this issue yet');
  });

  it('reloads when Jira reports that this issue changed', async () => {
    await renderWith(panelData());
    const handler = onMock.mock.calls[0]?.[1];
    expect(onMock.mock.calls[0]?.[0]).toBe('JIRA_ISSUE_CHANGED');
    await act(async () => { handler?.({ issueId: '10001' }); });
    expect(invokeMock).toHaveBeenCalledTimes(2);
  });

  it('shows what changed after a reload', async () => {
    const card = await renderWith(panelData());
    const met = metric({ state: 'met', current: cycle({ stoppedAt: MONDAY + 10 * H, met: true }) });
    invokeMock.mockResolvedValue({ ok: true, data: panelData({ snapshot: snapshot([met]) }) });
    await act(async () => { onMock.mock.calls[0]?.[1]({ issueId: '10001' }); });
    expect(within(card).getByTestId('sla-state-resolution')).toHaveTextContent('Met');
    expect(within(card).getByRole('timer')).toHaveTextContent('Met with 3 h to spare');
    expect(within(card).getByTestId('sla-due-resolution')).toHaveTextContent('Completed Mon 23 Nov, 10:00');
  });

  it('ignores change events for other issues', async () => {
    await renderWith(panelData());
    await act(async () => { onMock.mock.calls[0]?.[1]({ issueId: '99999' }); });
    expect(invokeMock).toHaveBeenCalledTimes(1);
  });

  it('reloads every minute and on window focus', async () => {
    await renderWith(panelData());
    await act(async () => { jest.advanceTimersByTime(60_000); });
    expect(invokeMock).toHaveBeenCalledTimes(2);
    await act(async () => { window.dispatchEvent(new Event('focus')); });
    expect(invokeMock).toHaveBeenCalledTimes(3);
  });

  it('refuses politely when opened outside an issue', () => {
    render(<App context={parseContext({})} compile={compile} />);
    expect(screen.getByRole('alert')).toHaveTextContent('open it from an issue view');
    expect(invokeMock).not.toHaveBeenCalled();
  });
});

describe('the issue panel with imperfect history', () => {
  beforeEach(() => {
    invokeMock.mockReset();
    onMock.mockResolvedValue({ unsubscribe: jest.fn() });
  });

  it('warns that figures may be approximate when history entries were skipped', async () => {
    const snap = { ...snapshot([metric()]), problems: [{ code: 'HIST_UNKNOWN_STATUS' as const, message: 'Status 99 is unknown' }] };
    invokeMock.mockResolvedValue({ ok: true, data: panelData({ snapshot: snap }) });
    render(<App context={context} compile={compile} />);
    expect(await screen.findByTestId('sla-history-problems')).toHaveTextContent('1 entry skipped');
  });
});
